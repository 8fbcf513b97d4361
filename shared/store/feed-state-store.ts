// Keeps each press source's conditional-GET validators and health in the table (FEED#<sourceId>).
import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedStateStore, SourceState } from '../feeds/ports.ts';
import { feedStateKey, feedStatePartition } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** A FeedStateStore backed by DynamoDB. */
export function dynamoFeedStateStore(table: TableContext): FeedStateStore {
  return {
    async load(sourceIds) {
      const states = new Map<string, SourceState>();
      for (let offset = 0; offset < sourceIds.length; offset += 100) {
        let pending: Record<string, unknown>[] = sourceIds.slice(offset, offset + 100).map(feedStateKey);
        while (pending.length > 0) {
          const output = await table.db.send(
            new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending } } }),
          );
          for (const item of output.Responses?.[table.tableName] ?? []) {
            const { PK, SK, type, ...state } = item;
            states.set(String(state.sourceId), state as SourceState);
          }
          pending = output.UnprocessedKeys?.[table.tableName]?.Keys ?? [];
        }
      }
      return states;
    },
    async save(state) {
      await table.db.send(
        new PutCommand({
          TableName: table.tableName,
          Item: { ...feedStateKey(state.sourceId), type: 'feed-state', ...state },
        }),
      );
    },
  };
}

/** Every stored source state, for the feed-health view. */
export async function listFeedStates(table: TableContext): Promise<SourceState[]> {
  const states: SourceState[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': feedStatePartition },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    for (const { PK, SK, type, ...state } of page.Items ?? []) states.push(state as SourceState);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return states;
}
