// Status changes of a mention by PR staff. The status, the latest review, a history item of its own
// and the aggregate counters change in one transaction, conditioned on the status and review count
// read, so concurrent reviews cannot double-count. History lives in separate items (keys.ts
// reviewKey), so a mention item stays the same size however often it is reviewed.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  isCounted,
  type Mention,
  type MentionStatus,
  parseMentionId,
  type ReviewEntry,
} from '../domain/mention.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { aggregateUpdates } from './aggregate-updates.ts';
import { mentionKey, reviewKey } from './keys.ts';
import { mentionFromItem, reviewCountOf } from './mention-item.ts';
import type { TableContext } from './table-context.ts';

/** What a reviewer asks for: confirm, reject, or undo back to the unreviewed status. */
export type ReviewDecision = 'confirmed' | 'rejected' | 'unreviewed';

/** One review request. */
export interface ReviewRequest {
  mentionId: string;
  decision: ReviewDecision;
  note?: string;
  by: string;
  at: string;
}

/** Reads one mention's stored item, or throws NotFoundError. */
export async function getMentionItem(table: TableContext, mentionId: string) {
  const ids = parseMentionId(mentionId);
  if (!ids) throw new NotFoundError(`No mention ${mentionId}`);
  const { Item } = await table.db.send(
    new GetCommand({
      TableName: table.tableName,
      Key: mentionKey(ids.articleId, ids.entityId),
      ConsistentRead: true,
    }),
  );
  if (!Item) throw new NotFoundError(`No mention ${mentionId}`);
  return Item;
}

/** Reads one mention, or throws NotFoundError. */
export async function getMention(table: TableContext, mentionId: string): Promise<Mention> {
  return mentionFromItem(await getMentionItem(table, mentionId));
}

/** Applies a review decision and returns the updated mention. */
export async function reviewMention(table: TableContext, request: ReviewRequest): Promise<Mention> {
  const item = await getMentionItem(table, request.mentionId);
  const mention = mentionFromItem(item);
  const reviews = reviewCountOf(item);
  const from = mention.status;
  const to: MentionStatus =
    request.decision === 'unreviewed' ? (mention.manual ? 'manual' : 'auto') : request.decision;
  const entry: ReviewEntry = {
    at: request.at,
    by: request.by,
    from,
    to,
    ...(request.note ? { note: request.note } : {}),
  };
  // An undo clears the earlier reviewer's note; the history keeps it.
  const note = request.note ?? (request.decision === 'unreviewed' ? null : (mention.note ?? null));
  // A mention of an outlet marked not press counts nowhere, so its review changes no counter.
  const countChange =
    mention.outletExcluded || isCounted(to) === isCounted(from) ? 0 : isCounted(to) ? 1 : -1;
  const values: Record<string, unknown> = {
    ':to': to,
    ':from': from,
    ':note': note,
    ':entry': entry,
    ':excluded': mention.outletExcluded ?? false,
  };
  values[':count'] = reviews + 1;
  if (reviews > 0) values[':previous'] = reviews;
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table.tableName,
              Key: mentionKey(mention.articleId, mention.entityId),
              UpdateExpression: 'SET #status = :to, #note = :note, #last = :entry, #count = :count',
              // The outlet's not-press mark must not change between the read and this write either.
              ConditionExpression: `#status = :from AND (attribute_not_exists(#excluded) OR #excluded = :excluded) AND ${reviews > 0 ? '#count = :previous' : 'attribute_not_exists(#count)'}`,
              ExpressionAttributeNames: {
                '#status': 'status',
                '#note': 'note',
                '#last': 'lastReview',
                '#count': 'reviewCount',
                '#excluded': 'outletExcluded',
              },
              ExpressionAttributeValues: values,
            },
          },
          {
            Put: {
              TableName: table.tableName,
              Item: {
                ...reviewKey(mention.articleId, mention.entityId, reviews + 1),
                type: 'review',
                mentionId: mention.mentionId,
                ...entry,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...(countChange === 0 ? [] : aggregateUpdates(table.tableName, [mention], countChange as 1 | -1)),
        ],
      }),
    );
  } catch (error) {
    if (isLostRace(error)) {
      throw new ConflictError('The mention was changed by someone else; reload and try again', {
        cause: error,
      });
    }
    throw error;
  }
  return { ...mention, status: to, note, lastReview: entry, reviewCount: reviews + 1 };
}

/** Only a failed condition or a concurrent transaction means someone else changed the mention. */
function isLostRace(error: unknown): boolean {
  return (
    error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some(
      (reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict',
    )
  );
}
