// The dashboard as a PR desk uses it: review state at a glance, "25 of 30", compact rows (at least 8
// visible at 1280×800), snippets cut mid-sentence marked "…", manual outlets with a name, a medium and
// a datalist of names typed before, the just-added item on top, a compact header at 375 px, and the
// CSV headed in the interface language — in Azerbaijani and English, at 1280 px and 375 px.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';
import { launchBrowser, openSignedIn, screenshot } from '../helpers/browser.ts';
import { failFirstFeed } from '../helpers/failing-feed.ts';
import { startTestApi } from '../helpers/local-api.ts';
import { seedArticles } from '../helpers/seed-mentions.ts';

const today = bakuDay(new Date());
const members = ['azer-allahveranov', 'sahib-mammadov', 'davud-rahimli'];
const surfaces: Record<string, string> = {
  'azer-allahveranov': 'Azər Allahverənov',
  'sahib-mammadov': 'Sahib Məmmədov',
  'davud-rahimli': 'Davud Rəhimli',
};
const seeded = 30;
let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  const articles = Array.from({ length: seeded }, (_, index) => {
    const member = members[index % members.length] as string;
    // Every third title stops mid-sentence, as a snippet cut from a longer text does.
    const title =
      index % 3 === 0
        ? `${surfaces[member]} miqrantların hüquqları barədə danışıb və yeni layihələrin təqdimatında iştirak edib ${index}`
        : `${surfaces[member]} Bakıda görüş keçirib, nömrə ${index}.`;
    return {
      outletId: ['apa', 'report', 'trend', 'azertag'][index % 4] as string,
      title,
      published: `${addDays(today, -(index % 10))}T0${index % 9}:00:00.000Z`,
      entities: [{ id: member, surface: surfaces[member] as string }],
      // The first four are one story carried by four outlets.
      ...(index < 4 ? { storyKey: 'story-big' } : {}),
    };
  });
  await seedArticles({ db: api.table.documentClient, tableName: api.table.tableName }, articles);
  await failFirstFeed(api, { kind: 'timeout', message: 'no answer in 10 s' }, 4);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function signedIn(width: number, language: 'az' | 'en') {
  const watched = await openSignedIn(browser, api.url, await api.tokens.issue('pr-staff'), {
    width,
    language,
  });
  await watched.page.locator('[data-testid="mentions"][data-state="ready"]').waitFor();
  return watched;
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

const expected = {
  en: {
    ofTotal: `25 of ${seeded} mentions`,
    confirmed: 'Confirmed: 0',
    auto: `Automatic, not yet reviewed: ${seeded}`,
    manual: 'Entered by hand: 0',
    addNote: 'Add a note',
    story: '4 outlets, first: AZERTAG, ',
    copies: '3 more outlets carried it',
  },
  az: {
    ofTotal: `${seeded} istinaddan 25`,
    confirmed: 'Təsdiqlənib: 0',
    auto: `Avtomatik, hələ yoxlanılmayıb: ${seeded}`,
    manual: 'Əl ilə daxil edilib: 0',
    addNote: 'Qeyd əlavə et',
    story: '4 media, ilk: AZERTAG, ',
    copies: 'Daha 3 media yayıb',
  },
} as const;

describe.each([1280, 375])('the PR desk at %i px', (width) => {
  it.each(['en', 'az'] as const)(
    'shows the review state, "25 of 30", compact rows and cut snippets (%s)',
    async (language) => {
      const { page, problems, context } = await signedIn(width, language);
      const words = expected[language];

      await expect.poll(() => text(page, 'mention-count')).toBe(words.ofTotal);
      expect(await text(page, 'review-state-confirmed')).toBe(words.confirmed);
      expect(await text(page, 'review-state-auto')).toBe(words.auto);
      expect(await text(page, 'review-state-manual')).toBe(words.manual);
      // The story four outlets carried leads the top stories, with who carried it first.
      const story = page.getByTestId('top-story').first();
      expect(await story.getByTestId('top-story-detail').textContent()).toContain(words.story);

      // A title that stops mid-sentence ends with "…"; a whole sentence does not.
      const snippets = await page.getByTestId('mention-snippet').allTextContents();
      expect(snippets.some((snippet) => /danışıb .* \d+…$/.test(snippet))).toBe(true);
      expect(snippets.filter((snippet) => snippet.endsWith('.…'))).toEqual([]);

      // Grouped by story, the four outlets' copies fold under one row, one click away.
      const rowsBefore = await page.getByTestId('mention-row').count();
      await page.getByTestId('group-stories').check();
      const toggle = page.getByTestId('story-copies-toggle');
      await toggle.first().waitFor();
      expect(await toggle.first().textContent()).toBe(words.copies);
      expect(await page.locator('[data-testid="mention-row"]:visible').count()).toBe(rowsBefore - 3);
      await toggle.first().click();
      expect(
        await page.getByTestId('story-copies').first().locator('[data-testid="mention-row"]:visible').count(),
      ).toBe(3);
      await screenshot(page, `desk-grouped-${language}-${width}`);
      await page.getByTestId('group-stories').uncheck();

      // The note box opens on demand.
      const row = page.getByTestId('mention-row').first();
      expect(await row.getByTestId('review-note').isVisible()).toBe(false);
      await row.getByTestId('add-note').click();
      expect(await row.getByTestId('review-note').isVisible()).toBe(true);
      expect(await page.getByTestId('add-note').nth(1).textContent()).toBe(words.addNote);

      await screenshot(page, `desk-overview-${language}-${width}`, false);
      await page.getByTestId('mentions').scrollIntoViewIfNeeded();
      await screenshot(page, `desk-mentions-${language}-${width}`);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});

describe('search in any script', () => {
  it.each([
    [1280, 'en', `10 mentions`],
    [375, 'az', `10 istinad`],
  ] as const)(
    'finds every spelling of a member typed in Cyrillic (%i px, %s)',
    async (width, language, count) => {
      const { page, problems, context } = await signedIn(width, language);
      await page.getByTestId('filter-search').fill('Аллахверанов');
      await page.getByTestId('filter-search').press('Enter');
      await expect.poll(() => text(page, 'mention-count')).toBe(count);
      const members = await page
        .getByTestId('mention-row')
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.member));
      expect(new Set(members)).toEqual(new Set(['azer-allahveranov']));
      await screenshot(page, `desk-search-${language}-${width}`);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});

describe('feed health and status', () => {
  it.each([
    [375, 'en', 'Last run: press polling', 'timed out'],
    [375, 'az', 'Son icra: mətbuatın yoxlanılması', 'vaxt bitdi'],
    [1280, 'az', 'Son icra: mətbuatın yoxlanılması', 'vaxt bitdi'],
  ] as const)(
    'speak the interface language and fit the screen (%i px, %s)',
    async (width, language, run, kind) => {
      const { page, problems, context } = await signedIn(width, language);
      const feeds = page.getByTestId('feeds');
      await feeds.getByTestId('feed-error-kind').first().waitFor();
      const terms = await feeds.locator('dt').allTextContents();
      expect(terms).toContain(run);
      expect(terms.join(' ')).not.toMatch(/poll-press|weekly-digest|facebook-snapshot/);
      expect(await feeds.getByTestId('feed-error-kind').first().textContent()).toBe(kind);
      // Nothing wider than the window: the page never scrolls sideways.
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        wide: Array.from(document.querySelectorAll('body *'))
          .filter((node) => {
            if (node.getBoundingClientRect().right <= window.innerWidth + 0.5) return false;
            for (let up = node.parentElement; up; up = up.parentElement) {
              if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return false;
            }
            return true;
          })
          .map((node) => `${node.tagName}.${node.className}[${node.getAttribute('data-testid')}]`),
        feeds:
          (document.querySelector('[data-testid="feed-table"]')?.getBoundingClientRect().right ?? 0) -
          window.innerWidth,
      }));
      expect(overflow.wide).toEqual([]);
      expect(overflow.page).toBeLessThanOrEqual(0);
      expect(overflow.feeds).toBeLessThanOrEqual(0);
      await feeds.scrollIntoViewIfNeeded();
      await screenshot(page, `desk-feeds-${language}-${width}`);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});

describe('the chart', () => {
  it.each([
    [1280, 'az'],
    [375, 'en'],
  ] as const)(
    'labels days in the interface language, one tick per day, no zeros after today (%i px, %s)',
    async (width, language) => {
      const { page, problems, context } = await signedIn(width, language);
      await page.getByTestId('period-preset').selectOption('this-week');
      await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();
      const chart = page.getByTestId('chart');
      await expect.poll(() => chart.getAttribute('data-points')).toBe('7');
      const labels = ((await chart.getAttribute('data-x-labels')) ?? '').split('|');
      const monday = new Date(`${today}T12:00:00Z`);
      const weekday = (monday.getUTCDay() + 6) % 7;
      // Every label is a day and a month name, never an hour or a US month/day.
      const months =
        language === 'az'
          ? /^\d{1,2} (yan|fev|mar|apr|may|iyn|iyl|avq|sen|okt|noy|dek)$/
          : /^\d{1,2} [A-Z][a-z]{2,4}$/;
      for (const label of labels) expect(label).toMatch(months);
      expect(labels.length).toBeGreaterThanOrEqual(width >= 1000 ? 7 : 4);
      expect(Number(await chart.getAttribute('data-future'))).toBe(6 - weekday);
      await chart.scrollIntoViewIfNeeded();
      await screenshot(page, `desk-chart-${language}-${width}`, false);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});

describe('room on the screen', () => {
  it('fits at least 8 mention rows in a 1280×800 window', async () => {
    const { page, context } = await signedIn(1280, 'en');
    await page.evaluate(() =>
      document.querySelector('[data-testid="mention-row"]')?.scrollIntoView({ block: 'start' }),
    );
    const visible = await page.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid="mention-row"]'));
      return rows.filter((row) => {
        const box = row.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }).length;
    });
    await screenshot(page, 'desk-rows-1280x800', false);
    expect(visible).toBeGreaterThanOrEqual(8);
    await context.close();
  });

  it.each(['en', 'az'] as const)(
    'keeps the header compact at 375 px, two cards above the fold (%s)',
    async (language) => {
      const { page, context } = await signedIn(375, language);
      await page.evaluate(() => window.scrollTo(0, 0));
      const header = await page.locator('header.topbar').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(64);
      const second = await page.getByTestId('card-outlets').boundingBox();
      expect((second?.y ?? 9999) + (second?.height ?? 0)).toBeLessThanOrEqual(800);
      await screenshot(page, `desk-header-${language}-375`, false);
      await context.close();
    },
  );
});

describe('outlets typed by hand', () => {
  it.each([
    [1280, 'en'],
    [375, 'az'],
  ] as const)(
    'are one outlet with a name and a medium, offered again, shown on top when added (%i px, %s)',
    async (width, language) => {
      const { page, problems, context } = await signedIn(width, language);
      const add = async (title: string, outletName: string) => {
        await page.getByTestId('manual-title').fill(title);
        await page.getByTestId('manual-date').fill(addDays(today, -25));
        await page.getByTestId('manual-medium').selectOption('tv');
        await page.getByTestId('manual-language').selectOption('az');
        await page.getByTestId('manual-outlet').selectOption('__other__');
        await page.getByTestId('manual-outlet-name').fill(outletName);
        await page.getByTestId('manual-member-sahib-mammadov').check();
        await page.getByTestId('manual-submit').click();
        await page
          .locator('[data-testid="mention-row"].just-added')
          .filter({ hasText: title })
          .first()
          .waitFor();
      };
      const suffix = `${width}-${language}`;
      await add(`Efir müsahibəsi ${suffix}`, `İctimai Televiziya ${suffix}`);
      // Typed again with another case and a dotless I: the same outlet.
      await add(`İkinci efir ${suffix}`, `ictimai televiziya ${suffix}`.toLocaleUpperCase('en'));

      // The just-added item is on top of the list with its medium, though its day is weeks back.
      const first = page.getByTestId('mention-row').first();
      expect(await first.getByTestId('mention-title').textContent()).toBe(`İkinci efir ${suffix}`);
      expect(await first.getByTestId('mention-medium').textContent()).toBe(
        language === 'en' ? 'TV' : 'Televiziya',
      );
      expect(await first.getByTestId('mention-outlet').textContent()).toBe(`İctimai Televiziya ${suffix}`);
      // The outlet table names it once, with its medium, never by its id.
      const outletRows = page.locator(`[data-testid="outlet-row"][data-origin="manual"]`);
      await expect.poll(() => outletRows.count()).toBeGreaterThanOrEqual(1);
      const names = await outletRows.locator('th').allTextContents();
      const ours = names.filter((name) => name.includes(suffix));
      expect(ours).toHaveLength(1);
      expect(ours[0]).toContain(`İctimai Televiziya ${suffix}`);
      expect(names.join(' ')).not.toMatch(/manual-/);
      // Names typed before are offered in the form.
      const offered = await page
        .locator('#manual-outlet-names option')
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      expect(offered).toContain(`İctimai Televiziya ${suffix}`);
      await screenshot(page, `desk-manual-outlet-${language}-${width}`);

      // The CSV of the list carries the medium and headings in the interface language.
      await page.getByTestId('filter-status').selectOption('manual');
      await page.locator('[data-testid="mentions"][data-state="ready"]').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-csv').click(),
      ]);
      const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
      const [header, ...rows] = csv.trim().split('\r\n');
      expect(
        header?.startsWith(language === 'en' ? '"Published (Baku time)"' : '"Dərc olunub (Bakı vaxtı)"'),
      ).toBe(true);
      expect(rows.filter((row) => row.includes(suffix)).every((row) => row.endsWith('"tv"'))).toBe(true);
      expect(rows.length).toBe(await page.getByTestId('mention-row').count());
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
