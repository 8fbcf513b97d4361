// The Outreach and Report views in Chromium: PR staff record an event at phone width, confirm the
// coverage the tracker proposes, then show the outcomes report, print it and download its PDF.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakuDay } from '#shared/time/baku-calendar.ts';
import { launchBrowser, openPage, screenshot, signInWithToken } from '../helpers/browser.ts';
import { startTestApi } from '../helpers/local-api.ts';
import { seedArticles } from '../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;
const published = new Date(Date.now() - 60 * 60 * 1000).toISOString();
const today = bakuDay(published);
const monthStart = `${today.slice(0, 7)}-01`;

beforeAll(async () => {
  api = await startTestApi();
  await seedArticles({ db: api.table.documentClient, tableName: api.table.tableName }, [
    {
      outletId: 'apa',
      title: 'Azər Allahverənov qaçqınlar üçün dil kursunu açıb',
      published,
      entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
    },
    {
      outletId: 'report',
      title: 'Sahib Məmmədov: <script>alert(1)</script> miqrasiya',
      published,
      language: 'ru',
      entities: [{ id: 'sahib-mammadov', surface: 'Sahib Məmmədov' }],
    },
  ]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Elements of a section that reach past the phone's width, outside tables that scroll on their own. */
function overflowIn(page: Page, sectionId: string) {
  return page.evaluate((id) => {
    const section = document.getElementById(id) as HTMLElement;
    return [section, ...Array.from(section.querySelectorAll<HTMLElement>('*'))]
      .filter((node) => !node.closest('.table-wrap') && node.getBoundingClientRect().right > 376)
      .map((node) => `${node.tagName}.${node.className} ${Math.round(node.getBoundingClientRect().right)}`);
  }, sectionId);
}

describe('Outreach and Report views', () => {
  it('records an event, confirms its coverage and prints the report at 375 px', async () => {
    // Arrange
    const { page, problems } = await openPage(browser, api.url, { width: 375, height: 800 });
    await signInWithToken(page, await api.tokens.issue('pr-staff'));
    await page.getByTestId('language-select').selectOption('az');
    // Act: record an event
    await page.getByTestId('event-new').click();
    await page.getByTestId('event-date').fill(today);
    await page.getByTestId('event-type').selectOption('course');
    await page.getByTestId('event-title').fill('Qaçqınlar üçün Azərbaycan dili kursu');
    await page.getByTestId('event-form').locator('input[name="members"][value="azer-allahveranov"]').check();
    await page.getByTestId('event-beneficiaries').fill('157');
    await page.getByTestId('event-figures-input').fill('refugees enrolled: 157');
    await page.getByTestId('event-save').click();
    const item = page.getByTestId('event-item');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByTestId('event-figures').textContent()).toContain('refugees enrolled: 157');
    // Act: confirm the proposed coverage
    await item.getByTestId('event-coverage-toggle').click();
    const proposed = item.getByTestId('coverage-proposed').getByTestId('coverage-item');
    await expect.poll(() => proposed.count()).toBe(1);
    expect(await proposed.textContent()).toContain('üzvün adı çəkilir');
    await item.getByTestId('coverage-confirm').click();
    await expect
      .poll(() => page.getByTestId('event-coverage').textContent())
      .toContain('1 mətbuat orqanında 1 material');
    await screenshot(page, 'outreach-phone-az');
    // The mention now shows its event in the mention list.
    await page.getByTestId('period-apply').click();
    await expect
      .poll(() => page.getByTestId('mention-event').allTextContents())
      .toEqual(['Tədbirlə bağlı: Qaçqınlar üçün Azərbaycan dili kursu']);
    expect(await overflowIn(page, 'outreach')).toEqual([]);
    // Act: the report
    await page.getByTestId('report-preset').selectOption('custom');
    await page.getByTestId('report-from').fill(monthStart);
    await page.getByTestId('report-to').fill(today);
    await page.getByTestId('report-lang').selectOption('az');
    await page.getByTestId('report-show').click();
    await page.locator('[data-testid="report"][data-state="ready"]').waitFor();
    // Assert: the page's first sentence carries /api/summary's figures
    const summary = await (
      await api.request(`/api/summary?from=${monthStart}&to=${today}`, { role: 'management' })
    ).json();
    const sentences = await page.getByTestId('report-sentence').allTextContents();
    expect(sentences[0]).toBe(
      `Dövr ərzində Şura üzvlərinə istinad edən ${summary.totals.mentions} material ${summary.totals.distinctOutlets} mətbuat orqanında dərc olunub; ${summary.totals.membersMentioned} üzv haqqında yazılıb.`,
    );
    expect(sentences).toContain('Tədbirlərdən 157 nəfər faydalanıb.');
    expect(sentences).toContain('Tədbirlərlə bağlı 1 material işıqlandırılıb.');
    expect(await page.getByTestId('report-page').textContent()).toContain('<script>alert(1)</script>');
    expect(await overflowIn(page, 'report')).toEqual([]);
    // Assert: the PDF downloads
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`outcomes-${monthStart}-${today}-az.pdf`);
    // The printable page, as the browser prints it
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('mentions').isVisible()).toBe(false);
    expect(await page.getByTestId('report-page').isVisible()).toBe(true);
    await screenshot(page, 'outcomes-printable-phone-az');
    await page.setViewportSize({ width: 900, height: 1200 });
    await screenshot(page, 'outcomes-printable-az');
    expect(problems).toEqual([]);
  });

  it('lets management read events and the report but offers no edits', async () => {
    // Arrange
    const { page, problems } = await openPage(browser, api.url, { width: 1280, height: 900 });
    await signInWithToken(page, await api.tokens.issue('management'));
    // Act
    await page.locator('[data-testid="outreach"][data-state="ready"]').waitFor();
    await page.getByTestId('report-lang').selectOption('ru');
    await page.getByTestId('report-show').click();
    await page.locator('[data-testid="report"][data-state="ready"]').waitFor();
    // Assert
    expect(await page.getByTestId('event-item').count()).toBe(1);
    expect(await page.getByTestId('event-new').isVisible()).toBe(false);
    expect(await page.getByTestId('event-edit').count()).toBe(0);
    expect((await page.getByTestId('report-sentence').allTextContents())[0]).toMatch(
      /^За отчётный период опубликовано материалов со ссылкой на членов совета: \d+/,
    );
    await screenshot(page, 'outcomes-printable-management-ru');
    expect(problems).toEqual([]);
  });
});
