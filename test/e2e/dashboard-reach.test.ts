// PR staff and reach in the dashboard: leads confirmed and dismissed with one click, a discovered
// outlet badged in the outlet table, marked not press and counted again. Real API, DynamoDB Local,
// Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lead } from '#shared/domain/lead.ts';
import { touchDiscoveredOutlet } from '#shared/store/discovered-outlet-store.ts';
import { putLead } from '#shared/store/lead-store.ts';
import { bakuDayStart } from '#shared/time/baku-calendar.ts';
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
import { today } from './dashboard-seed.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
const noon = new Date(Date.parse(bakuDayStart(today)) + 12 * 3_600_000).toISOString();

const lead = (leadId: string, outlet: string, title: string): Lead => ({
  leadId,
  status: 'open',
  memberId: 'azer-allahveranov',
  reason: 'unconfirmed',
  title,
  snippet: 'Experts met in Baku.',
  url: `https://${outlet}/forum`,
  engineLink: null,
  outlet,
  outletId: outlet,
  outletName: outlet,
  language: 'en',
  published: noon,
  firstSeenAt: noon,
  searchId: 'bing-en',
  query: '"Azer Allahveranov"',
});

beforeAll(async () => {
  api = await startTestApi();
  const table = { db: api.table.documentClient, tableName: api.table.tableName };
  await seedArticles(table, [
    {
      outletId: 'caspiannews.com',
      outletName: 'Caspian News',
      title: 'Azer Allahveranov on labour migration',
      published: noon,
      language: 'en',
      entities: [{ id: 'azer-allahveranov', surface: 'Azer Allahveranov' }],
    },
  ]);
  await touchDiscoveredOutlet(table, {
    domain: 'caspiannews.com',
    name: 'Caspian News',
    seenAt: noon,
    mentions: 1,
  });
  await touchDiscoveredOutlet(table, {
    domain: 'yenisabah.az',
    name: 'Yeni Sabah',
    seenAt: noon,
    mentions: 0,
  });
  await putLead(table, lead('a'.repeat(32), 'yenisabah.az', 'Migration forum in Baku'));
  await putLead(table, lead('b'.repeat(32), 'forum.example.org', '<b>Forum</b> thread about migration'));
  browser = await launchBrowser();
  watched = await openPage(browser, api.url);
  page = watched.page;
  await signInWithToken(page, await api.tokens.issue('pr-staff', 'leyla.pr'));
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('reach in the dashboard', () => {
  it('lists leads, confirms one into the counts and dismisses another', async () => {
    await waitForText(page, 'lead-count', '2');
    await waitForText(page, 'card-outlets-value', '1');
    // Feed text stays text.
    expect(await page.locator('[data-testid="lead-row"] b').count()).toBe(0);

    await page.locator(`[data-lead="${'a'.repeat(32)}"] [data-testid="lead-confirm"]`).click();
    await waitForText(page, 'card-outlets-value', '2');
    await page.locator(`[data-lead="${'b'.repeat(32)}"] [data-testid="lead-dismiss"]`).click();
    await waitForText(page, 'lead-count', '0');
    await screenshot(page, 'reach-leads');
    expect(await page.getByTestId('card-mentions-value').textContent()).toBe('2');
  });

  it('badges a discovered outlet and marks it not press and back', async () => {
    const row = page.locator('[data-testid="outlet-row"][data-outlet="caspiannews.com"]');
    await row.getByTestId('outlet-discovered').waitFor();
    await row.getByTestId('outlet-mark').click();
    await waitForText(page, 'card-outlets-value', '1');
    await row.getByTestId('outlet-not-press').waitFor();
    await screenshot(page, 'reach-not-press');
    await row.getByTestId('outlet-mark').click();
    await waitForText(page, 'card-outlets-value', '2');
    expect(await row.getByTestId('outlet-not-press').count()).toBe(0);
    expect(watched.problems).toEqual([]);
  });
});
