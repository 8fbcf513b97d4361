// Recomputes every day, ISO-week and month aggregate from the mention items and compares it with the
// stored counters. Repairs add the difference (ADD), so a write counted while the recount runs is not
// overwritten; run it while the table is quiet for an exact answer.
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isCounted, type MentionStatus } from '../domain/mention.ts';
import { aggregateDeltas, type CountedMention, counterUpdate } from './aggregate-updates.ts';
import { aggregateBucketOf, aggregateKey, aggregatePartitionPrefix, decodeCounterName } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** One counter whose stored value differs from the recount. */
export interface CounterDrift {
  bucket: string;
  counter: string;
  stored: number;
  expected: number;
}

/** What a recount found. */
export interface RecountReport {
  mentions: number;
  countedMentions: number;
  aggregates: number;
  drift: CounterDrift[];
  repaired: boolean;
}

/** UpdateExpression is limited to 4 KB (DynamoDB developer guide, expression limits): ADD in chunks. */
const countersPerUpdate = 100;

/** Recounts every aggregate; with `repair`, writes the differences so the stored counters match. */
export async function recountAggregates(
  table: TableContext,
  options: { repair: boolean; progress?: (scanned: number) => void },
): Promise<RecountReport> {
  const counted: CountedMention[] = [];
  const stored = new Map<string, Map<string, number>>();
  let mentions = 0;
  let scanned = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      // Only mentions and aggregates: items of other kinds may hold values the document client cannot
      // read as numbers, and are none of the recount's business.
      new ScanCommand({
        TableName: table.tableName,
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
        FilterExpression: '#type = :mention OR begins_with(#pk, :aggregate)',
        ExpressionAttributeNames: { '#type': 'type', '#pk': 'PK' },
        ExpressionAttributeValues: { ':mention': 'mention', ':aggregate': aggregatePartitionPrefix },
      }),
    );
    for (const item of page.Items ?? []) {
      const bucket = aggregateBucketOf(String(item.PK));
      if (bucket !== undefined) stored.set(bucket, storedCounters(item));
      else if (item.type === 'mention') {
        mentions++;
        if (isCounted(item.status as MentionStatus)) counted.push(item as unknown as CountedMention);
      }
    }
    scanned += page.ScannedCount ?? 0;
    options.progress?.(scanned);
    startKey = page.LastEvaluatedKey;
  } while (startKey);

  const expected = new Map<string, Map<string, number>>();
  for (const [pk, delta] of aggregateDeltas(counted, 1)) {
    expected.set(aggregateBucketOf(pk) as string, delta.counters);
  }
  const drift = compare(stored, expected);
  if (options.repair) await repair(table, drift);
  return {
    mentions,
    countedMentions: counted.length,
    aggregates: new Set([...stored.keys(), ...expected.keys()]).size,
    drift,
    repaired: options.repair && drift.length > 0,
  };
}

/** The counter attributes of a stored aggregate item (everything keys.ts can decode as a counter). */
function storedCounters(item: Record<string, unknown>): Map<string, number> {
  const counters = new Map<string, number>();
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'number' && decodeCounterName(name)) counters.set(name, value);
  }
  return counters;
}

/** Every counter whose stored value differs from the expected one; a missing counter counts as 0. */
function compare(
  stored: Map<string, Map<string, number>>,
  expected: Map<string, Map<string, number>>,
): CounterDrift[] {
  const drift: CounterDrift[] = [];
  for (const bucket of new Set([...stored.keys(), ...expected.keys()])) {
    const have = stored.get(bucket) ?? new Map<string, number>();
    const want = expected.get(bucket) ?? new Map<string, number>();
    for (const counter of new Set([...have.keys(), ...want.keys()])) {
      const storedValue = have.get(counter) ?? 0;
      const expectedValue = want.get(counter) ?? 0;
      if (storedValue !== expectedValue) {
        drift.push({ bucket, counter, stored: storedValue, expected: expectedValue });
      }
    }
  }
  return drift.sort((a, b) => a.bucket.localeCompare(b.bucket) || a.counter.localeCompare(b.counter));
}

async function repair(table: TableContext, drift: CounterDrift[]): Promise<void> {
  const byBucket = new Map<string, Array<[string, number]>>();
  for (const entry of drift) {
    const list = byBucket.get(entry.bucket) ?? [];
    list.push([entry.counter, entry.expected - entry.stored]);
    byBucket.set(entry.bucket, list);
  }
  for (const [bucket, deltas] of byBucket) {
    for (let start = 0; start < deltas.length; start += countersPerUpdate) {
      const chunk = deltas.slice(start, start + countersPerUpdate);
      await table.db.send(new UpdateCommand(counterUpdate(table.tableName, aggregateKey(bucket), chunk)));
    }
  }
}
