// Reads a whole table back for comparisons, and seeds a varied table through the real writers.
import {
  type AttributeValue,
  BatchWriteItemCommand,
  type DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { Article } from '#shared/domain/mention.ts';
import { type NewMention, recordArticle } from '#shared/store/article-writes.ts';
import { aggregateBucketOf } from '#shared/store/keys.ts';
import type { TableContext } from '#shared/store/table-context.ts';

export type RawItem = Record<string, AttributeValue>;

/** Every item of the table keyed by `PK|SK`. */
export async function scanTable(client: DynamoDBClient, tableName: string): Promise<Map<string, RawItem>> {
  const items = new Map<string, RawItem>();
  let startKey: RawItem | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) items.set(`${item.PK?.S}|${item.SK?.S}`, item);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The non-zero counters of every aggregate item, by bucket (a zero counter and a missing one agree). */
export function aggregatesOf(items: Map<string, RawItem>): Record<string, Record<string, number>> {
  const result: Record<string, Record<string, number>> = {};
  for (const item of items.values()) {
    const bucket = aggregateBucketOf(item.PK?.S ?? '');
    if (bucket === undefined) continue;
    const counters: Record<string, number> = {};
    for (const [name, value] of Object.entries(item)) {
      if (value.N !== undefined && Number(value.N) !== 0) counters[name] = Number(value.N);
    }
    if (Object.keys(counters).length > 0) result[bucket] = counters;
  }
  return result;
}

/** Puts raw items 25 at a time, resending unprocessed ones. */
export async function putRawItems(client: DynamoDBClient, tableName: string, items: RawItem[]) {
  for (let start = 0; start < items.length; start += 25) {
    let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      pending = (output.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}

const people = ['azer-allahveranov', 'sahib-mammadov', 'davud-rahimli'];

/** An article of `outletId` numbered `index`, published on a day of late 2026 (UTC). */
export function numberedArticle(index: number, outletId = `outlet-${index % 7}`): Article {
  const day = 1 + (index % 28);
  return {
    articleId: `art${String(index).padStart(6, '0')}`,
    outletId,
    outletName: outletId.toUpperCase(),
    url: `https://${outletId}.example/${index}`,
    title: `Xəbər ${index}: ${people[index % people.length]} və İctimai Şura`,
    language: ['az', 'ru', 'en'][index % 3] as string,
    published: `2026-${index % 2 === 0 ? '10' : '11'}-${String(day).padStart(2, '0')}T${String(index % 24).padStart(2, '0')}:30:00.000Z`,
    firstSeenAt: '2026-11-30T00:00:00.000Z',
  };
}

/** The mentions of a numbered article: one person, and the council on every other article. */
export function numberedMentions(index: number): NewMention[] {
  const entities: Array<[string, 'person' | 'organisation']> = [
    [people[index % people.length] as string, 'person'],
  ];
  if (index % 2 === 0) entities.push(['public-council-sms', 'organisation']);
  return entities.map(([entityId, entityKind]) => ({
    entityId,
    entityKind,
    snippet: { text: `about ${entityId}`, highlights: [[6, 6 + entityId.length]] },
    spans: [{ field: 'title', start: 0, end: entityId.length, surface: entityId }],
  }));
}

/** Stores numbered articles `from` to `to` (exclusive) through the real transaction, `parallel` at a time. */
export async function seedNumberedArticles(table: TableContext, from: number, to: number, parallel = 8) {
  let next = from;
  const worker = async () => {
    while (next < to) {
      const index = next++;
      await recordArticle(table, numberedArticle(index), numberedMentions(index));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
