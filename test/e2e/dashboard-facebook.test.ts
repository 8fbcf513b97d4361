// The dashboard's Facebook panel in Chromium, in Azerbaijani and English: cards with the change from
// the previous period, the daily chart and the top posts, from snapshots the sync stored from the
// Graph stand-in; then the rejected-token and not-configured states.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFacebookState } from '#shared/facebook/facebook-store.ts';
import { type FacebookSummary, facebookPeriodSummary } from '#shared/facebook/facebook-summary.ts';
import { syncFacebookPage } from '#shared/facebook/sync-facebook-page.ts';
import type { GraphSimulator } from '../../infra/local/graph-api-simulator.ts';
import {
  launchBrowser,
  openPage,
  screenshot,
  signInWithToken,
  type WatchedPage,
} from '../helpers/browser.ts';
import { startPageSimulator, syncDeps } from '../helpers/facebook-fixtures.ts';
import { startTestApi } from '../helpers/local-api.ts';

const period = { from: '2026-11-01', to: '2026-11-30' };
let api: Awaited<ReturnType<typeof startTestApi>>;
let sim: GraphSimulator;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
let expected: FacebookSummary;
let table: { db: Awaited<ReturnType<typeof startTestApi>>['table']['documentClient']; tableName: string };

const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

beforeAll(async () => {
  sim = await startPageSimulator({ pageId: '777' });
  api = await startTestApi({ facebookPageId: sim.pageId });
  table = { db: api.table.documentClient, tableName: api.table.tableName };
  const sync = await syncFacebookPage(syncDeps(table, sim), { since: '2026-08-03', until: '2026-11-30' });
  expect(sync.outcome).toBe('synced');
  expected = await facebookPeriodSummary({ table, pageId: sim.pageId }, period);
  browser = await launchBrowser();
  watched = await openPage(browser, api.url);
  page = watched.page;
  await signInWithToken(page, await api.tokens.issue('management', 'leyla.management'));
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await sim?.close();
});

async function choosePeriod(from: string, to: string) {
  await page.getByTestId('period-preset').selectOption('custom');
  await page.getByTestId('period-from').fill(from);
  await page.getByTestId('period-to').fill(to);
  await page.getByTestId('period-apply').click();
  await page.locator('[data-testid="facebook-panel"][data-state="ready"]').waitFor();
}

describe('the Facebook panel', () => {
  it('shows the period in Azerbaijani: cards with change, the chart and the top posts', async () => {
    // Act
    await page.getByTestId('language-select').selectOption('az');
    await choosePeriod(period.from, period.to);
    const panel = page.getByTestId('facebook-panel');

    // Assert
    expect(await panel.locator('h2').textContent()).toBe('Facebook səhifəsi');
    expect(digits(await page.getByTestId('fb-card-posts-value').textContent())).toBe(String(expected.posts));
    expect(digits(await page.getByTestId('fb-card-engagement-value').textContent())).toBe(
      String(expected.engagement),
    );
    expect(digits(await page.getByTestId('fb-card-followers-value').textContent())).toBe(
      String(expected.followers.end),
    );
    expect(digits(await page.getByTestId('fb-card-views-value').textContent())).toBe(
      String(expected.mediaViews),
    );
    expect(await page.getByTestId('fb-card-posts-change').textContent()).toContain('əvvəlki');
    expect(await page.getByTestId('fb-card-engagement-detail').textContent()).toContain('reaksiya');
    expect(await page.getByTestId('fb-card-posts-detail').textContent()).toMatch(/^həftədə \d/);
    expect(await page.getByTestId('facebook-chart').getAttribute('data-points')).toBe('30');
    expect(await page.locator('#facebook-chart canvas').count()).toBeGreaterThan(0);
    const posts = page.getByTestId('facebook-post');
    expect(await posts.count()).toBe(expected.topPosts.length);
    expect(await posts.first().locator('a').getAttribute('href')).toBe(expected.topPosts[0]?.permalink);
    expect(await posts.first().locator('a').textContent()).toBe(expected.topPosts[0]?.text);
    expect(await page.getByTestId('facebook-notice').isHidden()).toBe(true);
    await screenshot(page, 'facebook-panel-az');
  });

  it('shows the same figures in English, and names the members a post mentions', async () => {
    // Act
    await page.getByTestId('language-select').selectOption('en');

    // Assert: a language switch re-renders from the same answer.
    expect(await page.getByTestId('facebook-panel').locator('h2').textContent()).toBe('Facebook page');
    expect(digits(await page.getByTestId('fb-card-posts-value').textContent())).toBe(String(expected.posts));
    expect(await page.getByTestId('fb-card-posts-change').textContent()).toContain('vs previous period');
    expect(await page.getByTestId('fb-card-followers-change').textContent()).toContain('in the period');
    const naming = expected.topPosts.findIndex((post) => post.members.length > 0);
    if (naming >= 0) {
      expect(await page.getByTestId('facebook-post').nth(naming).textContent()).toContain('names');
    }
    expect(watched.problems).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    await screenshot(page, 'facebook-panel-en');
  });

  it('says plainly when Facebook rejected the token, and keeps the stored figures', async () => {
    // Arrange
    await writeFacebookState(table, sim.pageId, {
      tokenRejected: { fingerprint: 'x', at: '2026-11-30T02:30:00.000Z', message: 'Session has expired' },
      lastSync: { at: '2026-11-30T02:30:00.000Z', outcome: 'token-rejected', detail: 'rejected' },
    });

    // Act
    await page.reload();
    await page.locator('[data-testid="facebook-panel"][data-state="token-rejected"]').waitFor();

    // Assert
    const notice = page.getByTestId('facebook-notice');
    expect(await notice.getAttribute('data-kind')).toBe('danger');
    expect(await notice.textContent()).toContain('Facebook rejected the page token');
    expect(await page.getByTestId('facebook-content').isVisible()).toBe(true);
    await screenshot(page, 'facebook-panel-token-rejected-en');
  });

  it('says plainly, in Azerbaijani, when no page is configured', async () => {
    // Arrange: the status answer of a deployment without FACEBOOK_PAGE_ID.
    await page.route('**/api/status', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      await route.fulfill({ response, json: { ...body, facebook: { configured: false } } });
    });
    await page.getByTestId('language-select').selectOption('az');

    // Act
    await page.reload();
    await page.locator('[data-testid="facebook-panel"][data-state="off"]').waitFor();

    // Assert
    expect(await page.getByTestId('facebook-notice').textContent()).toContain('Facebook səhifəsi qoşulmayıb');
    expect(await page.getByTestId('facebook-content').isHidden()).toBe(true);
    await screenshot(page, 'facebook-panel-off-az');
    await page.unroute('**/api/status');
  });
});
