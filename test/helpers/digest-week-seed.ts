// A realistic ISO week (2026-W48, 23–29 November, Asia/Baku) for the digest's tests: one story
// carried by three outlets, a hostile title, a rejected match, edge-of-week timestamps, a quieter
// week before, and a source failing for three days.
import { mentionIdOf } from '#shared/domain/mention.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import { reviewMention } from '#shared/store/mention-review.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { seedArticles } from './seed-mentions.ts';

/** The title feeds must never get to run as markup. */
export const hostileTitle = '<img src=x onerror=alert(1)> Sahib Məmmədov <script>alert(2)</script>';

/** Monday 09:00 in Baku, when the schedule sends the week 2026-W48. */
export const digestMorning = new Date('2026-11-30T05:00:00.000Z');

const allahveranov = { id: 'azer-allahveranov', surface: 'Azər Allahverənov' };
const mammadov = { id: 'sahib-mammadov', surface: 'Sahib Məmmədov' };

/** Stores the week's articles, one rejected mention and a failing source. */
export async function seedDigestWeek(table: TableContext): Promise<void> {
  const story = (outletId: string, outletName: string, published: string) => ({
    outletId,
    outletName,
    title: 'Azər Allahverənov miqrantlarla görüşüb',
    published,
    url: `https://${outletId}.example/allahverenov-gorus`,
    storyKey: 'story-gorus',
    entities: [allahveranov],
  });
  const stored = await seedArticles(table, [
    story('apa', 'APA', '2026-11-24T08:00:00.000Z'),
    story('report', 'Report.az', '2026-11-24T09:00:00.000Z'),
    story('trend', 'Trend', '2026-11-25T10:00:00.000Z'),
    {
      outletId: 'qafqazinfo',
      outletName: 'Qafqazinfo',
      title: hostileTitle,
      // Monday 00:30 in Baku is still Sunday 20:30 UTC: inside the week.
      published: '2026-11-22T20:30:00.000Z',
      url: 'https://qafqazinfo.example/hostile',
      entities: [mammadov],
    },
    {
      outletId: 'apa',
      outletName: 'APA',
      title: 'İctimai Şura və Azər Allahverənov hesabat təqdim edib',
      // Sunday 23:30 in Baku: the last minutes of the week.
      published: '2026-11-29T19:30:00.000Z',
      entities: [allahveranov, { id: 'public-council-sms', kind: 'organisation', surface: 'İctimai Şura' }],
    },
    {
      outletId: 'trend',
      outletName: 'Trend',
      title: 'Sahib Məmmədov adlı başqa şəxs',
      published: '2026-11-26T12:00:00.000Z',
      entities: [mammadov],
    },
    {
      outletId: 'modern',
      outletName: 'Modern.az',
      title: 'Azər Allahverənov next week',
      // Monday 00:30 in Baku on 30 November: the next week, not this one.
      published: '2026-11-29T20:30:00.000Z',
      entities: [allahveranov],
    },
    {
      outletId: 'report',
      outletName: 'Report.az',
      title: 'Azər Allahverənov the week before',
      published: '2026-11-18T10:00:00.000Z',
      entities: [allahveranov],
    },
  ]);
  const namesake = stored.find((article) => article.title.includes('başqa'));
  await reviewMention(table, {
    mentionId: mentionIdOf(namesake?.articleId as string, 'sahib-mammadov'),
    decision: 'rejected',
    by: 'pr-staff',
    at: '2026-11-27T08:00:00.000Z',
  });
  await dynamoFeedStateStore(table).save({
    sourceId: 'src-failing',
    url: 'https://olke.example/rss',
    outletId: 'olke',
    consecutiveFailures: 40,
    itemsSeen: 0,
    lastSuccessAt: '2026-11-27T05:00:00.000Z',
    lastPolledAt: '2026-11-30T04:45:00.000Z',
    lastError: { kind: 'http-status', message: 'HTTP 503', at: '2026-11-30T04:45:00.000Z' },
  });
}
