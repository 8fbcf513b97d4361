// One story carried by several outlets: each outlet keeps its own article and mention, and the
// dashboard shows under each which other outlets carried the same story.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';
import { launchBrowser, openPage, signInWithToken, type WatchedPage } from '../helpers/browser.ts';
import { startTestApi } from '../helpers/local-api.ts';
import { seedArticles } from '../helpers/seed-mentions.ts';

const day = addDays(bakuDay(new Date()), -2);
let api: Awaited<ReturnType<typeof startTestApi>>;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  api = await startTestApi();
  const story = (outletId: string, outletName: string, hour: string) => ({
    outletId,
    outletName,
    title: 'Azər Allahverənov miqrantlarla görüşüb',
    published: `${day}T${hour}:00:00.000Z`,
    url: `https://${outletId}.example/allahverenov-gorus`,
    storyKey: 'story-gorus',
    entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
  });
  await seedArticles({ db: api.table.documentClient, tableName: api.table.tableName }, [
    story('apa', 'APA', '08'),
    story('report', 'Report.az', '09'),
    {
      outletId: 'trend',
      outletName: 'Trend',
      title: 'Sahib Məmmədov hesabat təqdim edib',
      published: `${day}T10:00:00.000Z`,
      storyKey: 'story-hesabat',
      entities: [{ id: 'sahib-mammadov', surface: 'Sahib Məmmədov' }],
    },
  ]);
  browser = await launchBrowser();
  watched = await openPage(browser, api.url);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe('stories carried by several outlets', () => {
  it('keeps one mention per outlet and names the other outlets under each', async () => {
    // Act
    const { page } = watched;
    await signInWithToken(page, await api.tokens.issue('management'));
    await page.getByTestId('mention-row').nth(2).waitFor();

    // Assert
    const rows = page.getByTestId('mention-row');
    expect(await rows.count()).toBe(3);
    const notes = await page.getByTestId('mention-story').allTextContents();
    // The other outlets by their registry names.
    const registry = await loadOutlets(resolveOutletsPath());
    const nameOf = (id: string) => registry.outlets.find((outlet) => outlet.id === id)?.name;
    expect(notes.map((note) => note.trim()).sort()).toEqual([
      `Same story also in: ${nameOf('apa')}`,
      `Same story also in: ${nameOf('report')}`,
    ]);
    expect(watched.problems).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
  });
});
