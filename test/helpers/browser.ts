// Drives the system Chromium (headless) through playwright-core for the dashboard's browser tests,
// collecting page errors and console errors (CSP violations among them) so tests can assert none.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Screenshots land here; test-results/ is git-ignored. */
export const screenshotDir = join('test-results', 'screenshots');

/** Starts headless Chromium from /usr/bin/chromium (Debian's package; never a downloaded build). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page and the problems it reported. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors, except failed resource loads (expected 401/403s). */
  problems: string[];
  /** Console messages about the Content-Security-Policy. */
  cspViolations: string[];
}

/**
 * Opens a page in a fresh context (own storage). The browser runs in Los Angeles time on purpose:
 * the dashboard must still reckon days in Asia/Baku.
 */
export async function openPage(
  browser: Browser,
  baseURL: string,
  options: { width?: number; height?: number } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: 'en-GB',
    timezoneId: 'America/Los_Angeles',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const cspViolations: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) cspViolations.push(text);
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) problems.push(text);
  });
  return { context, page, problems, cspViolations };
}

/** Signs in through the local token form and waits for the overview to show data. */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('sign-in-submit').click();
  await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();
}

/** Opens the dashboard `width` px wide (800 high), signed in with `token`, in the interface `language`. */
export async function openSignedIn(
  browser: Browser,
  url: string,
  token: string,
  options: { width: number; language: 'az' | 'en' | 'ru' },
): Promise<WatchedPage> {
  const watched = await openPage(browser, url, { width: options.width, height: 800 });
  await signInWithToken(watched.page, token);
  await watched.page.getByTestId('language-select').selectOption(options.language);
  return watched;
}

/** Saves a screenshot (the whole page unless `fullPage` is false) as `<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Waits until the element's trimmed text equals `expected`, and returns it. */
export async function waitForText(page: Page, testId: string, expected: string): Promise<string> {
  await page.waitForFunction(
    ([id, text]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === text,
    [testId, expected] as const,
  );
  return expected;
}
