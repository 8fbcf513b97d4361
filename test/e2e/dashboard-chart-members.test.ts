// The overview chart draws a member's own line on demand beside the total, named in the legend, and
// feed health and the status list word the server's messages in the reader's language — in
// Azerbaijani and English, at 1280 px and 375 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScheduleRun } from '#shared/store/schedule-runs.ts';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';
import { launchBrowser, openSignedIn, screenshot } from '../helpers/browser.ts';
import { failFirstFeed } from '../helpers/failing-feed.ts';
import { startTestApi } from '../helpers/local-api.ts';
import { seedArticles } from '../helpers/seed-mentions.ts';

const today = bakuDay(new Date());
// Seven mentions of Azər Allahverənov, three of Davud Rəhimli, on days spread over the last fortnight.
const plan = [
  ...Array.from({ length: 7 }, (_, index) => ({
    id: 'azer-allahveranov',
    surface: 'Azər Allahverənov',
    index,
  })),
  ...Array.from({ length: 3 }, (_, index) => ({ id: 'davud-rahimli', surface: 'Davud Rəhimli', index })),
];
const names = {
  az: { total: 'Bütün istinadlar', davud: 'Davud Rəhimli', azer: 'Azər Allahverənov' },
  en: { total: 'All mentions', davud: 'Davud Rahimli', azer: 'Azer Allahveranov' },
};
let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  const table = { db: api.table.documentClient, tableName: api.table.tableName };
  await seedArticles(
    table,
    plan.map(({ id, surface, index }) => ({
      outletId: ['apa', 'report', 'trend'][index % 3] as string,
      title: `${surface} görüş keçirib ${id} ${index}`,
      published: `${addDays(today, -(index * 2 + (id === 'davud-rahimli' ? 1 : 0)))}T06:00:00.000Z`,
      entities: [{ id, surface }],
    })),
  );
  await failFirstFeed(
    api,
    { kind: 'unparseable', message: 'an HTML page was served where a feed was expected' },
    2,
  );
  await recordScheduleRun(table, {
    scheduleId: 'poll-press',
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    outcome: 'succeeded',
    detail: '7 sources in 1 batches',
    summary: { code: 'poll-dispatched', values: { sources: 7, batches: 1 } },
  });
  await recordScheduleRun(table, {
    scheduleId: 'weekly-digest',
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    outcome: 'failed',
    detail: '2026-W48: 3 sent, 1 failed (reader@example.org)',
    summary: { code: 'error.digest-partly-failed', values: { week: '2026-W48', sent: 3, failed: 1 } },
  });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function signedIn(width: number, language: 'az' | 'en') {
  return openSignedIn(browser, api.url, await api.tokens.issue('management'), { width, language });
}

const chartData = (page: Page) =>
  page.getByTestId('chart').evaluate((node: HTMLElement) => ({
    series: node.dataset.series ?? '',
    totals: node.dataset.seriesTotals ?? '',
    xLabels: node.dataset.xLabels ?? '',
  }));

async function waitForSeries(page: Page, expected: string) {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="chart"]')?.getAttribute('data-series') === want,
    expected,
  );
}

describe.each([1280, 375])('member lines in the chart at %i px', (width) => {
  it.each(['az', 'en'] as const)(
    'in %s: a chosen member gets its own line and a named legend entry',
    async (language) => {
      const { page, problems, context } = await signedIn(width, language);
      const n = names[language];
      try {
        await waitForSeries(page, n.total);

        await page.getByTestId('chart-member-add').selectOption('davud-rahimli');
        await waitForSeries(page, `${n.total}|${n.davud}`);

        const drawn = await chartData(page);
        expect(drawn.totals).toBe('10|3');
        // The chart's other behaviours stay: localised day labels on the axis.
        expect(drawn.xLabels).toMatch(language === 'az' ? /\d+ (noy|dek|okt)/ : /\d+ (Nov|Dec|Oct)/);
        const legend = page.getByTestId('chart-legend-item');
        await expect.poll(() => legend.allTextContents()).toEqual([n.total, `${n.davud}×`]);
        // A member already drawn is no longer offered; the others are.
        const offered = await page.getByTestId('chart-member-add').locator('option').allTextContents();
        expect(offered).not.toContain(n.davud);
        expect(offered).toContain(n.azer);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.getByTestId('chart').scrollIntoViewIfNeeded();
        await screenshot(page, `chart-members-${language}-${width}`, false);

        await page.getByTestId('chart-member-add').selectOption('azer-allahveranov');
        await waitForSeries(page, `${n.total}|${n.davud}|${n.azer}`);
        expect((await chartData(page)).totals).toBe('10|3|7');

        await page.getByRole('button', { name: new RegExp(n.davud) }).click();
        await waitForSeries(page, `${n.total}|${n.azer}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});

describe('server-written strings in the reader language', () => {
  it.each([
    [
      375,
      'az',
      'Ünvan oxuna bilən lent qaytarmadı.',
      'mənbələr: 7, paketlər: 1',
      '2026-W48 həftəsi: göndərilib 3, çatdırıla bilməyib 1',
    ],
    [
      1280,
      'en',
      'The address did not serve a feed that can be read.',
      'sources: 7, batches: 1',
      'week 2026-W48: sent 3, could not reach 1',
    ],
  ] as const)(
    'feed health and the status list word the error and the run from their codes (%i px, %s)',
    async (width, language, sentence, run, failedRun) => {
      const { page, problems, context } = await signedIn(width, language);
      try {
        const feeds = page.getByTestId('feeds');
        const text = feeds.getByTestId('feed-error-text').first();
        await text.waitFor();

        expect(await text.textContent()).toBe(sentence);
        // The server's own message stays at hand, marked as English, behind a click.
        expect(await text.getAttribute('title')).toBe('an HTML page was served where a feed was expected');
        const detail = feeds.getByTestId('feed-error-detail').first();
        expect(await detail.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
        await detail.locator('summary').click();
        expect(await detail.locator('[lang="en"]').textContent()).toBe(
          'an HTML page was served where a feed was expected',
        );
        // Every schedule is named by what it does, the alerts run too, never by a key or an id.
        const terms = await feeds.locator('dt').allTextContents();
        expect(terms.filter((term) => /schedule\.|: alerts$/.test(term))).toEqual([]);
        expect(terms.join(' | ')).toContain(language === 'az' ? 'istinad bildirişləri' : 'mention alerts');
        const schedule = page.locator('[data-testid="status-schedule"][data-schedule="poll-press"]');
        expect(await schedule.textContent()).toContain(run);
        expect(await schedule.textContent()).not.toContain('7 sources in 1 batches');
        expect(await schedule.getAttribute('title')).toBe('7 sources in 1 batches');
        // A failed run is worded from its code too; the server's line, with the address, stays in the title.
        const digest = page.locator('[data-testid="status-schedule"][data-schedule="weekly-digest"]');
        expect(await digest.textContent()).toContain(failedRun);
        expect(await digest.textContent()).not.toContain('reader@example.org');
        expect(await digest.getAttribute('title')).toBe('2026-W48: 3 sent, 1 failed (reader@example.org)');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await feeds.scrollIntoViewIfNeeded();
        await screenshot(page, `chart-members-feeds-${language}-${width}`, false);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
