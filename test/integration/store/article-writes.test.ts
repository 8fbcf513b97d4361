import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '#shared/domain/mention.ts';
import { readAggregates } from '#shared/store/aggregate-reads.ts';
import { recordArticle } from '#shared/store/article-writes.ts';
import { createTestTable } from '../../helpers/dynamo.ts';

describe('recordArticle', async () => {
  const table = await createTestTable();
  const context = { db: table.documentClient, tableName: table.tableName };
  afterAll(() => table.drop());

  const article: Article = {
    articleId: 'a1',
    outletId: 'apa',
    outletName: 'APA',
    url: 'https://apa.az/1',
    title: 'Azər Allahverənov',
    language: 'az',
    // 22:30 UTC on the 30th is already 1 December in Baku.
    published: '2026-11-30T22:30:00.000Z',
    firstSeenAt: '2026-11-30T22:31:00.000Z',
  };
  const mention = {
    entityId: 'azer-allahveranov',
    entityKind: 'person' as const,
    snippet: { text: 'Azər Allahverənov', highlights: [[0, 17]] as Array<[number, number]> },
    spans: [{ field: 'title' as const, start: 0, end: 17, surface: 'Azər Allahverənov' }],
  };

  it('counts a retried write once', async () => {
    expect(await recordArticle(context, article, [mention])).toBe('written');
    expect(await recordArticle(context, article, [mention])).toBe('duplicate');

    const counters = await readAggregates(context, {
      days: ['2026-12-01', '2026-11-30'],
      months: ['2026-12'],
    });
    expect(counters.get('2026-12-01')).toMatchObject({
      total: 1,
      'p#azer-allahveranov': 1,
      'o#apa': 1,
      'l#az': 1,
    });
    expect(counters.get('2026-12')?.total).toBe(1);
    expect(counters.get('2026-11-30')).toBeUndefined();
  });
});
