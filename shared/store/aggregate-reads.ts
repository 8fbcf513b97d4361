// Reads day, ISO-week and month aggregate items by key, so a period costs a fixed number of requests
// whatever its mentions.
import { batchGetItems } from './batch-get.ts';
import { aggregateBucketOf, aggregateKey } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** Raw counters of one aggregate item, keyed by counter name (see keys.ts counterName). */
export type CounterSet = Record<string, number>;

/** Reads the aggregates of the given days, ISO weeks and months; missing items are absent from the map. */
export async function readAggregates(
  table: TableContext,
  buckets: { days: string[]; months: string[]; weeks?: string[] },
  /** Read only the `total` counter (a time series needs no breakdown). */
  totalOnly = false,
  /** With `totalOnly`, these counters too (the series of chosen members). */
  alsoCounters: string[] = [],
): Promise<Map<string, CounterSet>> {
  const keys = [...buckets.days, ...(buckets.weeks ?? []), ...buckets.months].map(aggregateKey);
  // Counter names hold '#', so each goes through an expression attribute name.
  const names = Object.fromEntries(
    ['total', ...alsoCounters].map((name, index) => [`#c${index}`, name] as const),
  );
  const items = await batchGetItems(
    table,
    keys,
    totalOnly ? { expression: ['PK', ...Object.keys(names)].join(', '), names } : undefined,
  );
  const result = new Map<string, CounterSet>();
  for (const { PK, SK, ...counters } of items) {
    const bucket = aggregateBucketOf(String(PK));
    if (bucket) result.set(bucket, counters as CounterSet);
  }
  return result;
}
