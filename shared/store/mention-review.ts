// Status changes of a mention by PR staff. The status, its audit entry and the aggregate counters
// change in one transaction, conditioned on the status read, so concurrent reviews cannot double-count.
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
import { mentionKey } from './keys.ts';
import { mentionFromItem } from './mention-item.ts';
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

/** Reads one mention, or throws NotFoundError. */
export async function getMention(table: TableContext, mentionId: string): Promise<Mention> {
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
  return mentionFromItem(Item);
}

/** Applies a review decision and returns the updated mention. */
export async function reviewMention(table: TableContext, request: ReviewRequest): Promise<Mention> {
  const mention = await getMention(table, request.mentionId);
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
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table.tableName,
              Key: mentionKey(mention.articleId, mention.entityId),
              UpdateExpression:
                'SET #status = :to, #note = :note, #history = list_append(if_not_exists(#history, :empty), :entry)',
              // The outlet's not-press mark must not change between the read and this write either.
              ConditionExpression:
                '#status = :from AND (attribute_not_exists(#excluded) OR #excluded = :excluded)',
              ExpressionAttributeNames: {
                '#status': 'status',
                '#note': 'note',
                '#history': 'history',
                '#excluded': 'outletExcluded',
              },
              ExpressionAttributeValues: {
                ':excluded': mention.outletExcluded ?? false,
                ':to': to,
                ':from': from,
                ':note': note,
                ':entry': [entry],
                ':empty': [],
              },
            },
          },
          ...(countChange === 0 ? [] : aggregateUpdates(table.tableName, [mention], countChange as 1 | -1)),
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw new ConflictError('The mention was changed by someone else; reload and try again', {
        cause: error,
      });
    }
    throw error;
  }
  return { ...mention, status: to, note, history: [...mention.history, entry] };
}
