// Reads the review history of one mention, newest first, a page at a time. Each review is an item of
// its own beside the mention (keys.ts reviewKey), so the history may grow without bound while every
// page stays small.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReviewEntry } from '../domain/mention.ts';
import { parseMentionId } from '../domain/mention.ts';
import { NotFoundError } from '../errors.ts';
import { mentionKey, reviewKey, reviewNumberOf, reviewSortPrefix } from './keys.ts';
import { getMentionItem } from './mention-review.ts';
import type { TableContext } from './table-context.ts';

/** One page of a mention's reviews; `cursor` continues with older ones. */
export interface ReviewHistoryPage {
  mentionId: string;
  items: ReviewEntry[];
  cursor: string | null;
}

/** Reads up to `limit` reviews of the mention older than the review numbered `before` (all when absent). */
export async function listReviewHistory(
  table: TableContext,
  mentionId: string,
  limit: number,
  before?: number,
): Promise<ReviewHistoryPage> {
  const ids = parseMentionId(mentionId);
  if (!ids) throw new NotFoundError(`No mention ${mentionId}`);
  await getMentionItem(table, mentionId);
  const page = await table.db.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: {
        ':pk': mentionKey(ids.articleId, ids.entityId).PK,
        ':prefix': reviewSortPrefix(ids.entityId),
      },
      ScanIndexForward: false,
      Limit: limit,
      ...(before ? { ExclusiveStartKey: reviewKey(ids.articleId, ids.entityId, before) } : {}),
    }),
  );
  const found = page.Items ?? [];
  const items = found.map(({ at, by, from, to, note }) => ({
    at,
    by,
    from,
    to,
    ...(note ? { note } : {}),
  })) as ReviewEntry[];
  const last = found.at(-1);
  const lastNumber = last ? (reviewNumberOf(String(last.SK), ids.entityId) ?? 0) : 0;
  return {
    mentionId,
    items,
    cursor: page.LastEvaluatedKey && lastNumber > 1 ? String(lastNumber) : null,
  };
}
