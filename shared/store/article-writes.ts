// Writes a new article with its mentions and the aggregate counters. The article is put only if
// absent, so a second poll of the same item changes nothing. DynamoDB allows 100 actions in one
// transaction; the article and its aggregates take some, and the rest hold mentions. An article
// naming more entities than that is written in several transactions, the extra mentions first, each
// conditioned on the article and on each mention being absent; the article itself goes last. A crash
// in between leaves the article absent, so the next poll finishes the write, skipping (not
// recounting) the mentions already stored. Nothing is dropped.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Article } from '../domain/mention.ts';
import { aggregateUpdates } from './aggregate-updates.ts';
import { fitArticle } from './item-budget.ts';
import { aggregateKeysFor, articleKey } from './keys.ts';
import { mentionRecord, type NewMention } from './mention-records.ts';
import type { TableContext } from './table-context.ts';

export type { NewMention } from './mention-records.ts';

/** TransactWriteItems takes at most 100 actions (DynamoDB API reference, TransactWriteItems). */
export const maxTransactionActions = 100;

/** How many mentions fit beside the article and its aggregates in one transaction. */
export function mentionsPerArticleTransaction(published: string): number {
  return maxTransactionActions - 1 - aggregateKeysFor(published).length;
}

/** Articles without mentions are kept only to recognise the item again; no feed carries items this old. */
const unmatchedArticleLifetimeSeconds = 400 * 86_400;

type MentionItem = ReturnType<typeof mentionRecord>;

/** Stores an article and all its mentions; answers `duplicate` when the article was already stored. */
export async function recordArticle(
  table: TableContext,
  original: Article,
  mentions: NewMention[],
  status: 'auto' | 'manual' | 'confirmed' = 'auto',
): Promise<'written' | 'duplicate'> {
  const article = fitArticle(original);
  const items = mentions.map((mention) => mentionRecord(article, mention, status));
  const room = mentionsPerArticleTransaction(article.published);
  const first = items.slice(0, room);
  const extra = items.slice(room);
  // An extra chunk checks the article instead of putting it, so it holds as many mentions.
  for (let start = 0; start < extra.length; start += room) {
    const chunk = extra.slice(start, start + room);
    if ((await writeExtraMentions(table, article, chunk)) === 'duplicate') return 'duplicate';
  }
  const expiresAt =
    items.length === 0
      ? Math.floor(Date.parse(article.firstSeenAt) / 1000) + unmatchedArticleLifetimeSeconds
      : undefined;
  const articlePut = {
    Put: {
      TableName: table.tableName,
      Item: { ...articleKey(article.articleId), type: 'article', ...article, expiresAt },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
  const outcome = await transact(table, [
    articlePut,
    ...first.map((Item) => ({ Put: { TableName: table.tableName, Item } })),
    ...aggregateUpdates(table.tableName, first, 1),
  ]);
  if (outcome.failed.includes(0)) return 'duplicate';
  if (outcome.failed.length > 0) throw new Error(`Unexpected condition failure at ${outcome.failed}`);
  return 'written';
}

/**
 * Stores mentions beyond the first transaction while the article is still absent. A mention already
 * stored (by an earlier attempt that did not finish) is skipped and not counted again.
 */
async function writeExtraMentions(
  table: TableContext,
  article: Article,
  chunk: MentionItem[],
): Promise<'written' | 'duplicate'> {
  let pending = chunk;
  while (pending.length > 0) {
    const outcome = await transact(table, [
      {
        ConditionCheck: {
          TableName: table.tableName,
          Key: articleKey(article.articleId),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...pending.map((Item) => ({
        Put: { TableName: table.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
      })),
      ...aggregateUpdates(table.tableName, pending, 1),
    ]);
    if (outcome.failed.includes(0)) return 'duplicate';
    const stored = new Set(outcome.failed.map((index) => index - 1));
    pending = outcome.failed.length === 0 ? [] : pending.filter((_, index) => !stored.has(index));
  }
  return 'written';
}

const maxConflictAttempts = 6;

/**
 * Runs one transaction; answers the indexes of the actions whose condition failed (none when it was
 * written). Concurrent writers meet on the same aggregate counters and DynamoDB cancels one with
 * TransactionConflict: trying again after a random pause is the documented remedy.
 */
async function transact(table: TableContext, actions: object[]): Promise<{ failed: number[] }> {
  for (let attempt = 1; ; attempt++) {
    try {
      await table.db.send(new TransactWriteCommand({ TransactItems: actions as never }));
      return { failed: [] };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.flatMap((reason, index) =>
        reason.Code === 'ConditionalCheckFailed' ? [index] : [],
      );
      if (failed.length > 0) return { failed };
      const conflict = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflict || attempt >= maxConflictAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));
    }
  }
}
