// The dashboard's period picker keeps to the API's bounds (2000-01-01 to a year after today): a day
// outside them, a period too long or backwards is not sent; the message says what is wrong, in the
// interface language, and the inputs return to the period the cards show.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';
import { latestDay } from '#shared/time/period-bounds.ts';
import { launchBrowser, openPage, screenshot, signInWithToken } from '../helpers/browser.ts';
import { startTestApi } from '../helpers/local-api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;
const latest = latestDay(bakuDay(new Date()));

beforeAll(async () => {
  api = await startTestApi();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function signedIn(width: number): Promise<{ page: Page; problems: string[]; summaries: string[] }> {
  const watched = await openPage(browser, api.url, { width, height: 800 });
  const summaries: string[] = [];
  watched.page.on('request', (request) => {
    if (request.url().includes('/api/summary')) summaries.push(request.url());
  });
  await signInWithToken(watched.page, await api.tokens.issue('pr-staff'));
  return { page: watched.page, problems: watched.problems, summaries };
}

async function apply(page: Page, from: string, to: string) {
  await page.getByTestId('period-from').fill(from);
  await page.getByTestId('period-to').fill(to);
  await page.getByTestId('period-apply').click();
}

const value = (page: Page, id: string) => page.getByTestId(id).inputValue();

describe('period picker bounds', () => {
  it.each([1280, 375])(
    'refuses days outside 2000-01-01..today+1 year and says so (%i px)',
    async (width) => {
      const { page, problems, summaries } = await signedIn(width);
      const shown = { from: await value(page, 'period-from'), to: await value(page, 'period-to') };
      const asked = summaries.length;

      await apply(page, '1999-12-31', '2000-01-31');
      await expect
        .poll(() => page.getByTestId('period-error').textContent())
        .toBe(
          `Choose days from 2000-01-01 to ${latest}: the tracker holds nothing earlier and plans nothing later.`,
        );
      expect(await value(page, 'period-from')).toBe(shown.from);
      expect(await value(page, 'period-to')).toBe(shown.to);
      await screenshot(page, `period-out-of-range-en-${width}`);

      await apply(page, addDays(latest, -3), addDays(latest, 1));
      expect(await page.getByTestId('period-error').textContent()).toContain('Choose days from 2000-01-01');
      await apply(page, '2000-01-01', '2026-01-01');
      expect(await page.getByTestId('period-error').textContent()).toBe(
        'A period may span at most 1098 days; choose a shorter one.',
      );
      expect(summaries.length).toBe(asked); // nothing refused was sent

      await apply(page, '2000-01-01', '2000-01-31');
      await expect.poll(() => summaries.length).toBe(asked + 1);
      expect(await page.getByTestId('period-error').textContent()).toBe('');
      await apply(page, addDays(latest, -6), latest);
      await expect.poll(() => summaries.length).toBe(asked + 2);
      expect(await page.getByTestId('period-from').getAttribute('min')).toBe('2000-01-01');
      expect(await page.getByTestId('period-to').getAttribute('max')).toBe(latest);

      await page.getByTestId('language-select').selectOption('az');
      await apply(page, '0999-06-01', '0999-06-30');
      await expect
        .poll(() => page.getByTestId('period-error').textContent())
        .toContain(`2000-01-01 ilə ${latest} arasındakı günləri seçin`);
      await screenshot(page, `period-out-of-range-az-${width}`);
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
