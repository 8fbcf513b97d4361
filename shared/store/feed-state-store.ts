// Keeps each press source's conditional-GET validators and health in the table: one item per source,
// all in one partition (keys.ts feedStateKey), so feed health reads them with a single Query.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedStateStore, SourceState } from '../feeds/poll/ports.ts';
import { batchGetItems } from './batch-get.ts';
import { feedStateKey, feedStatePartition } from './keys.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

/**
 * A re-poll of an unchanged feed would otherwise rewrite the state only to move its timestamps; the
 * health view needs them no fresher than this, so such writes are skipped within the window.
 */
const timestampRefreshMs = 60 * 60_000;

/** A FeedStateStore backed by DynamoDB. */
export function dynamoFeedStateStore(table: TableContext): FeedStateStore {
  const loaded = new Map<string, SourceState>();
  return {
    async load(sourceIds) {
      const states = new Map<string, SourceState>();
      for (const { PK, SK, type, ...item } of await batchGetItems(table, sourceIds.map(feedStateKey))) {
        const state = item as unknown as SourceState;
        states.set(state.sourceId, state);
        loaded.set(state.sourceId, state);
      }
      return states;
    },
    async save(state) {
      const previous = loaded.get(state.sourceId);
      if (previous && onlyTimestampsMoved(previous, state)) return;
      loaded.set(state.sourceId, state);
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
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': feedStatePartition },
  });
  return items.map(({ PK, SK, type, ...state }) => state as unknown as SourceState);
}

/** True when nothing but the poll timestamps changed and the stored ones are still recent. */
function onlyTimestampsMoved(previous: SourceState, next: SourceState): boolean {
  const { lastPolledAt: _p1, lastSuccessAt: previousSuccess, ...previousRest } = previous;
  const { lastPolledAt: _p2, lastSuccessAt: nextSuccess, ...nextRest } = next;
  if (JSON.stringify(sortKeys(previousRest)) !== JSON.stringify(sortKeys(nextRest))) return false;
  if (!previousSuccess || !nextSuccess) return false;
  return Date.parse(nextSuccess) - Date.parse(previousSuccess) < timestampRefreshMs;
}

function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
