// Management in the dashboard: reads totals and feed health but gets no review or manual-entry
// controls; a wrong token goes back to sign-in; signing out forgets the token.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScheduleRun } from '#shared/store/schedule-runs.ts';
import { addDays } from '#shared/time/baku-calendar.ts';
import {
  launchBrowser,
  openPage,
  screenshot,
  signInWithToken,
  type WatchedPage,
  waitForText,
} from '../helpers/browser.ts';
import { startTestApi } from '../helpers/local-api.ts';
import { seedArticles } from '../helpers/seed-mentions.ts';
import { expectedTotals, period, seedDashboard, today } from './dashboard-seed.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

const busyMonth = { from: addDays(today, -120), to: addDays(today, -90) };
const text = async (locator: Locator) => (await locator.textContent())?.trim() ?? '';

beforeAll(async () => {
  api = await startTestApi();
  const feeds = await (await api.request('/api/feeds', { role: 'management' })).json();
  const table = { db: api.table.documentClient, tableName: api.table.tableName };
  await seedDashboard(table, feeds.feeds.slice(0, 2));
  // A busy month long before the tested period, to page through.
  await seedArticles(
    table,
    Array.from({ length: 30 }, (_, index) => ({
      outletId: 'report',
      outletName: 'Report.az',
      title: `Pərviz Musayev miqrasiya siyasəti barədə çıxış edib (${index + 1})`,
      published: `${addDays(busyMonth.to, -index)}T08:00:00.000Z`,
      entities: [{ id: 'parviz-musayev', surface: 'Pərviz Musayev' }],
    })),
  );
  browser = await launchBrowser();
  watched = await openPage(browser, api.url);
  page = watched.page;
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('dashboard for management', () => {
  it('refuses a wrong token and shows the sign-in form again', async () => {
    // Act
    await page.goto('/');
    await page.getByTestId('token-input').fill('not-a-token');
    await page.getByTestId('sign-in-submit').click();

    // Assert
    await page.getByTestId('sign-in-error').filter({ hasText: 'not accepted' }).waitFor();
    expect(await page.getByTestId('dashboard').isHidden()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('tracker.token'))).toBeNull();
  });

  it('reads the totals with no confirm, reject or manual-entry controls', async () => {
    // Arrange
    const token = await api.tokens.issue('management', 'rauf.management');
    const expected = expectedTotals(period.from, period.to);

    // Act
    await signInWithToken(page, token);
    await page.getByTestId('period-from').fill(period.from);
    await page.getByTestId('period-to').fill(period.to);
    await page.getByTestId('period-apply').click();

    // Assert
    await waitForText(page, 'card-mentions-value', String(expected.mentions));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 8);
    expect(await text(page.getByTestId('caller'))).toContain('Management');
    expect(await page.getByTestId('confirm-button').count()).toBe(0);
    expect(await page.getByTestId('reject-button').count()).toBe(0);
    expect(await page.getByTestId('undo-button').count()).toBe(0);
    expect(await page.getByTestId('review-note').count()).toBe(0);
    expect(await page.getByTestId('manual-section').isHidden()).toBe(true);
    expect(await page.getByRole('link', { name: 'Add manually' }).isHidden()).toBe(true);
    await screenshot(page, 'management-overview');
  });

  it('pages through a long list with "Show more"', async () => {
    // Act
    await page.getByTestId('period-from').fill(busyMonth.from);
    await page.getByTestId('period-to').fill(busyMonth.to);
    await page.getByTestId('period-apply').click();

    // Assert: 25 per page, then the remaining 5, with no duplicates.
    await waitForText(page, 'card-mentions-value', '30');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 25);
    await page.getByTestId('load-more').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-row"]').length === 30);
    const ids = await page
      .getByTestId('mention-row')
      .evaluateAll((found) => found.map((row) => (row as HTMLElement).dataset.mentionId));
    expect(new Set(ids).size).toBe(30);
    expect(await page.getByTestId('load-more').isHidden()).toBe(true);
  });

  it('marks the flagged feed and shows its error message as text', async () => {
    // Arrange
    const flagged = page.locator('[data-testid="feed-row"][data-flagged="true"]');

    // Assert
    expect(await flagged.count()).toBe(1);
    expect(await text(flagged.getByTestId('feed-flagged'))).toBe('needs attention');
    expect(await text(flagged)).toContain('HTTP 503 <b>Service Unavailable</b>');
    // Worded from its kind and status code; the server's line is the title and under "Server message".
    expect(await text(flagged.getByTestId('feed-error-text'))).toBe('The server answered with error 503.');
    expect(await flagged.locator('b').count()).toBe(0);
    expect(await page.locator('[data-testid="feed-row"][data-flagged="false"]').count()).toBeGreaterThan(0);
  });

  it('shows the system status: version, a reachable table and the last poll run', async () => {
    // Arrange: the poll schedule ran once before the page was loaded.
    await recordScheduleRun(
      { db: api.table.documentClient, tableName: api.table.tableName },
      {
        scheduleId: 'poll-press',
        startedAt: '2026-11-29T10:00:00.000Z',
        finishedAt: '2026-11-29T10:00:02.000Z',
        outcome: 'succeeded',
        detail: '18 sources in 1 batches',
      },
    );

    // Act
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    const status = page.getByTestId('system-status');
    await status.getByTestId('status-schedule').filter({ hasText: '18 sources' }).waitFor();

    // Assert
    expect(await text(status)).toContain('test');
    expect(await text(status.getByTestId('status-table'))).toBe('reachable');
    const schedules = status.getByTestId('status-schedule');
    expect(await schedules.count()).toBe(4);
    const poll = status.locator('[data-testid="status-schedule"][data-schedule="poll-press"]');
    expect(await text(poll)).toContain('succeeded');
    // The weekly digest and the Facebook snapshot are listed too, and have not run in this test.
    expect(await text(status.locator('[data-schedule="weekly-digest"]'))).toBe('not run yet');
    expect(await text(status.locator('[data-schedule="facebook-snapshot"]'))).toBe('not run yet');
  });

  it('cannot review through the API either', async () => {
    // Arrange
    const list = await (await api.request('/api/mentions?limit=1', { role: 'management' })).json();

    // Act
    const response = await api.request(`/api/mentions/${encodeURIComponent(list.items[0].mentionId)}`, {
      role: 'management',
      method: 'PATCH',
      body: JSON.stringify({ status: 'rejected' }),
    });

    // Assert
    expect(response.status).toBe(403);
  });

  it('signs out, forgetting the token', async () => {
    // Act
    await page.getByTestId('sign-out').click();

    // Assert
    await page.getByTestId('token-input').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('tracker.token'))).toBeNull();
    expect(await page.getByTestId('dashboard').isHidden()).toBe(true);
  });

  it('ran without script errors or Content-Security-Policy violations', () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.problems).toEqual([]);
  });
});
