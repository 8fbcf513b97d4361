// The Alerts settings page in Chromium at 375 px: subscribe by webhook, see the address only masked,
// switch languages, pause and delete. Real API, DynamoDB Local.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookSeal } from '#shared/alerts/webhook-seal.ts';
import { launchBrowser, openPage, screenshotDir, signInWithToken } from '../helpers/browser.ts';
import { startTestApi } from '../helpers/local-api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  api.deps.alertSeal = async () => webhookSeal(randomBytes(32));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('alerts settings', () => {
  it('subscribes through a webhook at 375 px in three languages without showing the address', async () => {
    const { page, problems, cspViolations } = await openPage(browser, api.url, { width: 375, height: 800 });
    await signInWithToken(page, await api.tokens.issue('management', 'manager-7'));
    await page.locator('[data-testid="alerts"][data-state="ready"]').waitFor();
    await page.getByTestId('alert-member-azer-allahveranov').check();
    await page.getByTestId('alerts-kind').selectOption('slack');
    await page
      .getByTestId('alerts-target')
      .fill('https://hooks.chat.example/services/T1/B2/TopSecretHookToken');
    await page.getByTestId('alerts-spikes').uncheck();
    await page.getByTestId('alerts-submit').click();

    const channel = page.getByTestId('alert-channel');
    await expect.poll(() => channel.textContent()).toContain('https://hooks.chat.example/…');
    expect(await page.content()).not.toContain('TopSecretHookToken');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByTestId('language-select').selectOption('az');
    await expect.poll(() => page.getByTestId('alerts-submit').textContent()).toBe('Abunə ol');
    await expect
      .poll(() => page.getByTestId('alert-card').textContent())
      .toContain('Sakit saatlar 22:00–08:00');
    await page.getByTestId('language-select').selectOption('ru');
    await expect.poll(() => page.getByTestId('alert-toggle').textContent()).toBe('Приостановить');
    await mkdir(screenshotDir, { recursive: true });
    await page.getByTestId('alerts').screenshot({ path: join(screenshotDir, 'alerts-375-ru.png') });

    await page.getByTestId('alert-toggle').click();
    await expect.poll(() => page.getByTestId('alert-toggle').textContent()).toBe('Возобновить');
    await page.getByTestId('alert-delete').click();
    await expect.poll(() => page.getByTestId('alert-card').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
