// The largest articles against DynamoDB Local: as many mentions as one transaction holds, every field
// over its budget; one mention more; and a write cut short between its transactions.
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '#shared/domain/mention.ts';
import { readAggregates } from '#shared/store/aggregate-reads.ts';
import {
  maxTransactionActions,
  mentionsPerArticleTransaction,
  type NewMention,
  recordArticle,
} from '#shared/store/article-writes.ts';
import { itemBudget } from '#shared/store/item-budget.ts';
import { aggregateKeysFor } from '#shared/store/keys.ts';
import { listMentions } from '#shared/store/mention-list.ts';
import { createTestTable } from '../../helpers/dynamo.ts';

const published = '2026-11-18T08:00:00.000Z';
const period = { from: '2026-11-18T00:00:00.000Z', to: '2026-11-19T00:00:00.000Z' };

function articleOf(articleId: string, title = `Article ${articleId}`): Article {
  return {
    articleId,
    outletId: `outlet-${articleId}`,
    outletName: 'Outlet',
    url: `https://outlet.example/${articleId}`,
    title,
    language: 'az',
    published,
    firstSeenAt: published,
  };
}

/** `count` mentions of distinct entities, each as large as a hostile feed could make it. */
function hugeMentions(count: number, size: 'huge' | 'small' = 'huge'): NewMention[] {
  const text = size === 'huge' ? 'Şura '.repeat(40_000) : 'Şura';
  const surface = size === 'huge' ? 'Ş'.repeat(1_000) : 'Şura';
  return Array.from({ length: count }, (_, index) => ({
    entityId: `entity-${index}`,
    entityKind: 'person',
    snippet: { text, highlights: [[0, 4]] },
    spans: Array.from({ length: size === 'huge' ? 2_000 : 1 }, (_, n) => ({
      field: 'text' as const,
      start: n * 5,
      end: n * 5 + 4,
      surface,
    })),
  }));
}

describe('the largest articles', async () => {
  const table = await createTestTable();
  const context = { db: table.documentClient, tableName: table.tableName };
  afterAll(() => table.drop());

  async function countedIn(outletId: string) {
    const day = (await readAggregates(context, { days: ['2026-11-18'], months: [] })).get('2026-11-18');
    return day?.[`o#${outletId}`] ?? 0;
  }

  async function storedMentions(outletId: string) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMentions(context, { ...period, outlet: outletId }, 100, cursor);
      ids.push(...page.items.map((item) => item.entityId));
      cursor = page.cursor ?? undefined;
    } while (cursor);
    return ids;
  }

  it('derives the mentions of one transaction from the aggregates an article updates', () => {
    expect(aggregateKeysFor(published)).toHaveLength(3);
    expect(mentionsPerArticleTransaction(published)).toBe(maxTransactionActions - 1 - 3);
  });

  it('stores an article with as many mentions as one transaction holds, every field over budget', async () => {
    const count = mentionsPerArticleTransaction(published);
    const article = {
      ...articleOf('largest', 'Ə'.repeat(212_500)),
      url: `https://x.example/${'a'.repeat(9_000)}`,
    };

    expect(await recordArticle(context, article, hugeMentions(count))).toBe('written');

    const ids = await storedMentions('outlet-largest');
    expect(ids).toHaveLength(count);
    expect(await countedIn('outlet-largest')).toBe(count);
    const page = await listMentions(context, { ...period, outlet: 'outlet-largest' }, 1);
    const [stored] = page.items;
    expect(stored?.truncated).toEqual(['title', 'url', 'snippet', 'spans']);
    expect(stored?.url).toBeNull();
    expect(Buffer.byteLength(stored?.title ?? '')).toBeLessThanOrEqual(itemBudget.titleBytes);
    expect(Buffer.byteLength(stored?.snippet.text ?? '')).toBeLessThanOrEqual(itemBudget.snippetBytes);
    expect(stored?.snippet.highlights).toEqual([[0, 4]]);
    expect(stored?.spans).toHaveLength(itemBudget.spansPerMention);
  });

  it('stores every mention of an article one over that, and of one three transactions long', async () => {
    for (const [name, count] of [
      ['one-over', mentionsPerArticleTransaction(published) + 1],
      ['three', 2 * mentionsPerArticleTransaction(published) + 10],
    ] as const) {
      expect(await recordArticle(context, articleOf(name), hugeMentions(count, 'small'))).toBe('written');
      expect(await recordArticle(context, articleOf(name), hugeMentions(count, 'small'))).toBe('duplicate');

      expect(new Set(await storedMentions(`outlet-${name}`)).size).toBe(count);
      expect(await countedIn(`outlet-${name}`)).toBe(count);
    }
  });

  it('finishes a write cut short between its transactions without counting anything twice', async () => {
    const count = mentionsPerArticleTransaction(published) + 20;
    let transactions = 0;
    const failing = {
      ...context,
      db: {
        send: (command: Parameters<typeof context.db.send>[0]) => {
          // The process dies after the extra mentions were stored, before the article's transaction.
          if (command.constructor.name === 'TransactWriteCommand' && ++transactions === 2) {
            return Promise.reject(new Error('process killed'));
          }
          return context.db.send(command);
        },
      } as typeof context.db,
    };

    await expect(recordArticle(failing, articleOf('resumed'), hugeMentions(count, 'small'))).rejects.toThrow(
      'process killed',
    );
    expect(await countedIn('outlet-resumed')).toBe(20);
    expect(await recordArticle(context, articleOf('resumed'), hugeMentions(count, 'small'))).toBe('written');

    expect(new Set(await storedMentions('outlet-resumed')).size).toBe(count);
    expect(await countedIn('outlet-resumed')).toBe(count);
  });
});
