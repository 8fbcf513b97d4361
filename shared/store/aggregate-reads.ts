// Reads day and month aggregate items in batches of 100 (BatchGetItem's limit), retrying the keys
// DynamoDB leaves unprocessed, so a period costs a fixed number of requests whatever its mentions.
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { aggregateKey } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** Raw counters of one aggregate item, keyed by counter name (see keys.ts counterName). */
export type CounterSet = Record<string, number>;

const batchSize = 100;

/** Reads the aggregates of the given days, ISO weeks and months; missing items are absent from the map. */
export async function readAggregates(
  table: TableContext,
  buckets: { days: string[]; months: string[]; weeks?: string[] },
  /** Read only the `total` counter (a time series needs no breakdown). */
  totalOnly = false,
): Promise<Map<string, CounterSet>> {
  const keys = [...buckets.days, ...(buckets.weeks ?? []), ...buckets.months].map(aggregateKey);
  const result = new Map<string, CounterSet>();
  for (let offset = 0; offset < keys.length; offset += batchSize) {
    let pending: Record<string, unknown>[] = keys.slice(offset, offset + batchSize);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const output = await table.db.send(
        new BatchGetCommand({
          RequestItems: {
            [table.tableName]: {
              Keys: pending,
              ...(totalOnly
                ? { ProjectionExpression: 'PK, #total', ExpressionAttributeNames: { '#total': 'total' } }
                : {}),
            },
          },
        }),
      );
      for (const item of output.Responses?.[table.tableName] ?? []) {
        const { PK, SK, ...counters } = item;
        result.set(String(PK).slice('AGG#'.length), counters as CounterSet);
      }
      pending = output.UnprocessedKeys?.[table.tableName]?.Keys ?? [];
    }
  }
  return result;
}
