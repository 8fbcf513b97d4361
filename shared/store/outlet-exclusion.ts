// Marks a discovered outlet as not press, or undoes it. Like rejecting a mention, each mention's
// flag and the aggregate counters change in one transaction, conditioned on what was read, so every
// count stays a read of counters and a concurrent review cannot count a mention twice.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { isCounted, type Mention } from '../domain/mention.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { aggregateUpdates } from './aggregate-updates.ts';
import { getDiscoveredOutlet } from './discovered-outlet-store.ts';
import { discoveredOutletKey, mentionKey, outletPartition } from './keys.ts';
import { mentionFromItem } from './mention-item.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

/** Mentions per transaction: each may touch three aggregates, and DynamoDB allows 100 actions. */
const mentionsPerTransaction = 20;

/** Sets or clears the not-press mark of a discovered outlet and moves its mentions out of or into the counts. */
export async function markOutletNotPress(
  table: TableContext,
  request: { domain: string; notPress: boolean; by: string; at: string },
) {
  const outlet = await getDiscoveredOutlet(table, request.domain);
  if (!outlet) throw new NotFoundError(`No discovered outlet ${request.domain}`);
  // The outlet's mark goes first: from then on the search sink stores nothing new for a not-press outlet.
  await table.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table.tableName,
            Key: discoveredOutletKey(request.domain),
            UpdateExpression: 'SET notPress = :mark, markedBy = :by, markedAt = :at',
            ExpressionAttributeValues: { ':mark': request.notPress, ':by': request.by, ':at': request.at },
          },
        },
      ],
    }),
  );
  const pending = (await mentionsOf(table, request.domain)).filter(
    (mention) => Boolean(mention.outletExcluded) !== request.notPress,
  );
  for (let offset = 0; offset < pending.length; offset += mentionsPerTransaction) {
    await flip(table, pending.slice(offset, offset + mentionsPerTransaction), request.notPress);
  }
  return {
    ...outlet,
    notPress: request.notPress,
    markedBy: request.by,
    markedAt: request.at,
    changed: pending.length,
  };
}

async function flip(table: TableContext, mentions: Mention[], exclude: boolean): Promise<void> {
  const counted = mentions.filter((mention) => isCounted(mention.status));
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          ...mentions.map((mention) => ({
            Update: {
              TableName: table.tableName,
              Key: mentionKey(mention.articleId, mention.entityId),
              UpdateExpression: 'SET outletExcluded = :to',
              // The status and mark read are still the stored ones, so the counters move exactly once.
              ConditionExpression:
                '#status = :status AND (attribute_not_exists(outletExcluded) OR outletExcluded = :from)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':to': exclude, ':from': !exclude, ':status': mention.status },
            },
          })),
          ...(counted.length > 0 ? aggregateUpdates(table.tableName, counted, exclude ? -1 : 1) : []),
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException)
      throw new ConflictError('A mention of the outlet changed meanwhile; try again', { cause: error });
    throw error;
  }
}

/** Every mention stored under the outlet, through the by-outlet index. */
async function mentionsOf(table: TableContext, outletId: string): Promise<Mention[]> {
  const items = await queryAll(table, {
    IndexName: 'GSI3',
    KeyConditionExpression: 'GSI3PK = :pk',
    ExpressionAttributeValues: { ':pk': outletPartition(outletId) },
  });
  return items.map(mentionFromItem);
}
