// Writes a new article with its mentions and the aggregate counters in one transaction.
// The article is put only if absent, so a second poll of the same item changes nothing.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Article, type Mention, mentionIdOf } from '../domain/mention.ts';
import { aggregateUpdates } from './aggregate-updates.ts';
import { articleKey, mentionIndexKeys, mentionKey } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** A mention found in a new article, before it is stored. */
export type NewMention = Pick<Mention, 'entityId' | 'entityKind' | 'snippet' | 'spans' | 'evidence'>;

/** DynamoDB allows 100 actions per transaction: the article and two aggregates leave 97. */
export const maxMentionsPerArticle = 97;

/** Articles without mentions are kept only to recognise the item again; no feed carries items this old. */
const unmatchedArticleLifetimeSeconds = 400 * 86_400;

/** Stores an article and its mentions; answers `duplicate` when the article was already stored. */
export async function recordArticle(
  table: TableContext,
  article: Article,
  mentions: NewMention[],
  status: 'auto' | 'manual' = 'auto',
): Promise<'written' | 'duplicate'> {
  const kept = mentions.slice(0, maxMentionsPerArticle);
  const mentionItems = kept.map((mention) => mentionItem(article, mention, status));
  const expiresAt =
    kept.length === 0
      ? Math.floor(Date.parse(article.firstSeenAt) / 1000) + unmatchedArticleLifetimeSeconds
      : undefined;
  const write = () =>
    table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table.tableName,
              Item: { ...articleKey(article.articleId), type: 'article', ...article, expiresAt },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...mentionItems.map((Item) => ({ Put: { TableName: table.tableName, Item } })),
          ...aggregateUpdates(table.tableName, mentionItems, 1),
        ],
      }),
    );
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return 'written';
    } catch (error) {
      if (isArticleConditionFailure(error)) return 'duplicate';
      // Concurrent writers meet on the same day and month counters; DynamoDB cancels one of the
      // transactions with TransactionConflict, and trying again later is the documented remedy.
      if (!isConflict(error) || attempt >= maxConflictAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));
    }
  }
}

const maxConflictAttempts = 6;

function isConflict(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict')
  );
}

function mentionItem(article: Article, mention: NewMention, status: 'auto' | 'manual') {
  const record: Mention = {
    mentionId: mentionIdOf(article.articleId, mention.entityId),
    articleId: article.articleId,
    entityId: mention.entityId,
    entityKind: mention.entityKind,
    outletId: article.outletId,
    outletName: article.outletName,
    language: article.language,
    url: article.url,
    title: article.title,
    published: article.published,
    status,
    snippet: mention.snippet,
    spans: mention.spans,
    history: [],
    ...(article.manual ? { manual: article.manual } : {}),
    ...(article.storyKey ? { storyKey: article.storyKey } : {}),
    ...(mention.evidence ? { evidence: mention.evidence } : {}),
  };
  return {
    ...mentionKey(article.articleId, mention.entityId),
    ...mentionIndexKeys(record),
    type: 'mention',
    searchText: `${record.title} ${record.snippet.text}`.toLocaleLowerCase('az'),
    ...record,
  };
}

function isArticleConditionFailure(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed'
  );
}
