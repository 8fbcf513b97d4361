// PR staff in the dashboard: sign in with the local token, pick periods, filter, review, add by hand,
// export, switch language; feed text with markup stays text. Real API, DynamoDB Local, Chromium.
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, bakuDay, isoWeekStart } from '#shared/time/baku-calendar.ts';
import {
  launchBrowser,
  openPage,
  screenshot,
  signInWithToken,
  type WatchedPage,
  waitForText,
} from '../helpers/browser.ts';
import { startTestApi } from '../helpers/local-api.ts';
import { expectedTotals, hostileTitle, period, seedDashboard } from './dashboard-seed.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  api = await startTestApi();
  const feeds = await (await api.request('/api/feeds', { role: 'management' })).json();
  await seedDashboard(
    { db: api.table.documentClient, tableName: api.table.tableName },
    feeds.feeds.slice(0, 2),
  );
  browser = await launchBrowser();
  watched = await openPage(browser, api.url);
  page = watched.page;
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Picks the tested four weeks through the custom From/To fields. */
async function pickTestPeriod() {
  await page.getByTestId('period-from').fill(period.from);
  await page.getByTestId('period-to').fill(period.to);
  await page.getByTestId('period-apply').click();
}

const cardValue = (id: string) => text(page.getByTestId(`card-${id}-value`));
const rows = () => page.getByTestId('mention-row');
/** An element's text as the DOM holds it, trimmed. */
const text = async (locator: Locator) => (await locator.textContent())?.trim() ?? '';

describe('dashboard for PR staff', () => {
  it('signs in with the pasted local token and shows the period totals', async () => {
    // Arrange
    const token = await api.tokens.issue('pr-staff', 'leyla.pr');
    const expected = expectedTotals(period.from, period.to);

    // Act
    await signInWithToken(page, token);
    await pickTestPeriod();

    // Assert
    await waitForText(page, 'card-mentions-value', String(expected.mentions));
    expect(await cardValue('outlets')).toBe(String(expected.distinctOutlets));
    expect(await cardValue('members')).toBe(String(expected.membersMentioned));
    expect(await text(page.getByTestId('caller'))).toContain('PR staff');
    const previous = expectedTotals(addDays(period.from, -28), addDays(period.from, -1));
    const change = expected.mentions - previous.mentions;
    expect(await text(page.getByTestId('card-mentions-change'))).toContain(`+${change}`);
    expect(await page.getByTestId('member-row').count()).toBe(6);
    expect(await page.getByTestId('share-row').count()).toBe(expected.membersMentioned);
    // Share of voice: Azer Allahveranov has 3 of the 7 mentions of people.
    const azer = page.locator('[data-testid="share-row"][data-member="azer-allahveranov"]');
    expect(await text(azer.getByTestId('share-value'))).toBe('42.9%');
    expect(await azer.locator('.bar-fill').evaluate((bar) => (bar as HTMLElement).style.width)).toBe('42.9%');
    await page.locator('[data-testid="chart"] canvas').first().waitFor();
    await page.locator('[data-testid="feed-row"][data-flagged="true"]').waitFor();
    await screenshot(page, 'pr-staff-overview');
  });

  it('picks last week in the Baku calendar and shows its figures', async () => {
    // Arrange: last week's Monday..Sunday, reckoned in Baku while the browser runs in Los Angeles.
    const monday = addDays(isoWeekStart(bakuDay(new Date())), -7);
    const sunday = addDays(monday, 6);
    const expected = expectedTotals(monday, sunday);

    // Act
    await page.getByTestId('period-preset').selectOption('last-week');

    // Assert
    await page.waitForFunction(
      ([from, to]) =>
        (document.querySelector('[data-testid="period-from"]') as HTMLInputElement).value === from &&
        (document.querySelector('[data-testid="period-to"]') as HTMLInputElement).value === to,
      [monday, sunday] as const,
    );
    await waitForText(page, 'card-mentions-value', String(expected.mentions));
    expect(await cardValue('outlets')).toBe(String(expected.distinctOutlets));
    await pickTestPeriod();
    await waitForText(page, 'card-mentions-value', String(expectedTotals(period.from, period.to).mentions));
  });

  it('filters the mention list by member', async () => {
    // Act
    await page.getByTestId('filter-member').selectOption('sahib-mammadov');

    // Assert
    await page.waitForFunction(() => {
      const found = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="mention-row"]'));
      return found.length === 2 && found.every((row) => row.dataset.member === 'sahib-mammadov');
    });
    const highlighted = await rows().locator('mark').allTextContents();
    expect(highlighted.sort()).toEqual(['Sahib Məmmədov', 'Сахиб Мамедов']);
    await page.getByTestId('filter-member').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 8);
  });

  it('filters by language and by words in the title or snippet', async () => {
    // Act: Russian coverage only.
    await page.getByTestId('filter-language').selectOption('ru');

    // Assert: the Haqqin.az and Minval.az articles (three mentions).
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 3);

    // Act: words from one article's title.
    await page.getByTestId('filter-search').fill('гражданства');
    await page.getByTestId('filter-apply').click();

    // Assert
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 2);
    expect(new Set(await rows().getByTestId('mention-outlet').allTextContents())).toEqual(
      new Set(['Minval.az']),
    );
    await page.getByTestId('filter-search').fill('');
    await page.getByTestId('filter-language').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 8);
  });

  it('shows what each mention rests on and filters by it', async () => {
    // Act: the weakest evidence, which no seeded mention rests on.
    await page.getByTestId('filter-evidence').selectOption('initial-role');

    // Assert
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 0);

    // Act: the full name, on which every seeded mention rests.
    await page.getByTestId('filter-evidence').selectOption('full-name');

    // Assert
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 8);
    expect(new Set(await rows().getByTestId('mention-evidence').allTextContents())).toEqual(
      new Set(['Full name']),
    );
    await page.getByTestId('filter-evidence').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 8);
  });

  it('confirms a match: the status changes and the totals stay', async () => {
    // Arrange
    const before = await cardValue('mentions');
    const row = page.locator('[data-testid="mention-row"][data-member="ilgar-orujov"]');

    // Act
    await row.getByTestId('confirm-button').click();

    // Assert
    await row.locator('[data-testid="mention-status"]', { hasText: 'Confirmed' }).waitFor();
    await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();
    expect(await cardValue('mentions')).toBe(before);
    expect(await text(row.getByTestId('mention-review'))).toContain('Confirmed by pr-staff@local.test');
    expect(await row.getByTestId('undo-button').count()).toBe(1);
  });

  it('rejects a mention with a note and the totals fall; undo restores them', async () => {
    // Arrange
    const expected = expectedTotals(period.from, period.to);
    const row = page.locator('[data-testid="mention-row"][data-member="davud-rahimli"]');

    // Act
    await row.getByTestId('add-note').click();
    await row.getByTestId('review-note').fill('Namesake: a different Davud Rahimli');
    await row.getByTestId('reject-button').click();

    // Assert
    await waitForText(page, 'card-mentions-value', String(expected.mentions - 1));
    await waitForText(page, 'card-members-value', String(expected.membersMentioned - 1));
    expect(await text(row.getByTestId('mention-status'))).toBe('Rejected');
    expect(await text(row.getByTestId('mention-review'))).toContain('Namesake: a different Davud Rahimli');
    expect(await row.getByTestId('reject-button').count()).toBe(0);
    await screenshot(page, 'pr-staff-rejected');

    await row.getByTestId('undo-button').click();
    await waitForText(page, 'card-mentions-value', String(expected.mentions));
    expect(await text(row.getByTestId('mention-status'))).toBe('Found automatically');
    expect(await text(row.getByTestId('mention-review'))).toContain('Review undone by');
  });

  it('adds a manual mention, which appears in the list and the totals', async () => {
    // Arrange
    const before = Number(await cardValue('mentions'));
    const title = 'AzTV: İctimai Şuranın sədri Azər Allahverənov "Səhər" verilişində';

    // Act
    await page.getByTestId('manual-title').fill(title);
    await page.getByTestId('manual-date').fill(addDays(period.to, -3));
    await page.getByTestId('manual-medium').selectOption('tv');
    await page.getByTestId('manual-language').selectOption('az');
    await page.getByTestId('manual-outlet').selectOption('__other__');
    await page.getByTestId('manual-outlet-name').fill('AzTV');
    await page.getByTestId('manual-member-azer-allahveranov').check();
    await page
      .getByTestId('manual-description')
      .fill('Səhər verilişində miqrantların hüquqları barədə müsahibə.');
    await page.getByTestId('manual-submit').click();

    // Assert
    await waitForText(page, 'manual-result', 'Added 1 mention.');
    await waitForText(page, 'card-mentions-value', String(before + 1));
    const manualRow = page.locator('[data-testid="mention-row"][data-status="manual"]');
    await manualRow.waitFor();
    expect(await text(manualRow.getByTestId('mention-title'))).toBe(title);
    expect(await text(manualRow.getByTestId('mention-outlet'))).toBe('AzTV');
    // Nothing to confirm in what staff typed, but a mistaken entry can be rejected.
    expect(await manualRow.getByTestId('confirm-button').count()).toBe(0);
    expect(await manualRow.getByTestId('reject-button').count()).toBe(1);
  });

  it('downloads the filtered list as CSV with the bearer token', async () => {
    // Arrange
    const listed = await rows().count();

    // Act
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);

    // Assert
    expect(download.suggestedFilename()).toBe(`mentions-${period.from}-${period.to}.csv`);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r\n/);
    // Headed in the interface language, in the documented column order (csvColumns).
    expect(lines[0]).toBe(
      '"Published (Baku time)","Outlet","Member id","Member","Language","Status","Evidence","Title","Link","Snippet","Note","Outlet key","Medium"',
    );
    expect(lines.length - 1).toBe(listed);
    expect(text).toContain('AzTV');
    // The rejection was undone: its note lives on in the history, not in the exported list.
    expect(text).not.toContain('Namesake: a different Davud Rahimli');
  });

  it('shows a feed title carrying <script> as text and never runs it', async () => {
    // Arrange
    const row = page.locator('[data-testid="mention-row"]', { hasText: 'window.__pwned' });

    // Assert
    expect(await text(row.getByTestId('mention-title'))).toBe(hostileTitle);
    expect(await page.locator('[data-testid="mention-list"] script').count()).toBe(0);
    // Its javascript: URL is not made a link.
    expect(await row.getByTestId('mention-title').locator('a').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const hrefs = await page
      .locator('[data-testid="mention-list"] a')
      .evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.getAttribute('rel')]));
    for (const [href, rel] of hrefs) {
      expect(href).toMatch(/^https?:\/\//);
      expect(rel).toBe('noopener noreferrer');
    }
  });

  it('switches the language to Azerbaijani and Russian and keeps the choice', async () => {
    // Act
    await page.getByTestId('language-select').selectOption('az');

    // Assert
    expect(await text(page.locator('[data-testid="card-mentions"] h3'))).toBe('İstinadlar');
    expect(await text(page.locator('[data-testid="card-outlets"] h3'))).toBe('Media qurumlarının sayı');
    expect(await text(page.getByTestId('export-csv'))).toBe('CSV yüklə');
    expect(await text(page.getByTestId('confirm-button').first())).toBe('Təsdiqlə');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('az');
    const azMonths = [
      'yanvar',
      'fevral',
      'mart',
      'aprel',
      'may',
      'iyun',
      'iyul',
      'avqust',
      'sentyabr',
      'oktyabr',
      'noyabr',
      'dekabr',
    ];
    const [year, month, day] = period.to.split('-').map(Number);
    expect(await text(page.getByTestId('period-caption'))).toContain(
      `${day} ${azMonths[(month as number) - 1]} ${year}`,
    );
    await screenshot(page, 'pr-staff-azerbaijani');

    await page.reload();
    await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();
    expect(await text(page.locator('[data-testid="card-mentions"] h3'))).toBe('İstinadlar');

    await page.getByTestId('language-select').selectOption('ru');
    expect(await text(page.locator('[data-testid="card-mentions"] h3'))).toBe('Упоминания');
    expect(await text(page.getByTestId('sign-out'))).toBe('Выйти');

    await page.getByTestId('language-select').selectOption('en');
    expect(await text(page.locator('[data-testid="card-outlets"] h3'))).toBe('Distinct outlets');
  });

  it('fits a 375 px phone screen: the page never scrolls sideways', async () => {
    // Act
    await page.setViewportSize({ width: 375, height: 800 });
    await pickTestPeriod();
    await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();

    // Assert
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, 'pr-staff-phone');
    await screenshot(page, 'pr-staff-phone-first-screen', false);
    await page.getByTestId('mentions').scrollIntoViewIfNeeded();
    await screenshot(page, 'pr-staff-phone-mentions', false);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});
