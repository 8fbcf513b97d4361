// The digest's HTML part as Chromium renders it, in Azerbaijani, at a phone's width (375 px) and a
// desktop client's (1024 px): readable without sideways scrolling, nothing run from the feeds, and
// screenshots saved under test-results/ for a person to look at.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from '../helpers/browser.ts';
import { seedDigestWeek } from '../helpers/digest-week-seed.ts';
import { startTestApi } from '../helpers/local-api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;

beforeAll(async () => {
  api = await startTestApi();
  await seedDigestWeek({ db: api.table.documentClient, tableName: api.table.tableName });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('the digest e-mail in Chromium', () => {
  it.each([375, 1024])(
    'reads at %i px in Azerbaijani, with no script run and no sideways scrolling',
    async (width) => {
      // Arrange: the preview route serves the HTML part exactly as mailed; images are blocked, as in a
      // client with images off.
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        extraHTTPHeaders: { authorization: `Bearer ${await api.tokens.issue('management')}` },
      });
      await context.route('**/*', (route) =>
        route.request().resourceType() === 'image' ? route.abort() : route.continue(),
      );
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });

      // Act
      const response = await page.goto(`${api.url}/api/digest/preview?week=2026-W48&lang=az`);

      // Assert
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe('Həftəlik mətbuat icmalı');
      const body = (await page.locator('body').textContent()) ?? '';
      expect(body).toContain('6 istinad');
      expect(body).toContain('4 media');
      expect(body).toContain('1 xəbər, 3 media');
      expect(body).toContain('<img src=x onerror=alert(1)>');
      expect(await page.locator('img, script').count()).toBe(0);
      expect(dialogs).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const path = await screenshot(page, `digest-az-${width}`);
      expect(path).toMatch(new RegExp(`digest-az-${width}\\.png$`));
      await context.close();
    },
  );

  it('links to the dashboard opened on the week', async () => {
    // Arrange
    const { page, context, problems } = await openPage(browser, api.url);
    const preview = await (
      await api.request('/api/digest/preview?week=2026-W48&lang=en', { role: 'management' })
    ).text();
    const link = /href="([^"]+#from=[^"]+)"/.exec(preview)?.[1]?.replace(/&amp;/g, '&') as string;

    // Act: follow the e-mail's link, then sign in.
    await page.goto(link);
    await page.getByTestId('token-input').fill(await api.tokens.issue('management'));
    await page.getByTestId('sign-in-submit').click();
    await page.locator('[data-testid="overview"][data-state="ready"]').waitFor();

    // Assert
    expect(link).toBe(`${api.url}/#from=2026-11-23&to=2026-11-29`);
    expect(await page.locator('#period-from').inputValue()).toBe('2026-11-23');
    expect(await page.locator('#period-to').inputValue()).toBe('2026-11-29');
    expect(await page.locator('#period-preset').inputValue()).toBe('custom');
    await page.getByTestId('mention-row').nth(5).waitFor();
    expect(await page.getByTestId('mention-row').count()).toBe(7);
    expect(problems).toEqual([]);
    await context.close();
  });
});
