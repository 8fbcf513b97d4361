// Reads and writes a page's snapshots in the table: posts are overwritten with their latest counts,
// days are updated attribute by attribute, so running a sync twice changes nothing.
import { BatchWriteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  facebookDayKey,
  facebookDayRange,
  facebookPartition,
  facebookPostKey,
  facebookPostRange,
  facebookStateKey,
} from '../store/keys.ts';
import { queryAll } from '../store/query-all.ts';
import type { TableContext } from '../store/table-context.ts';
import type { FacebookState, StoredDay, StoredPost } from './facebook-records.ts';

const insightPrefix = 'i_';
const writesPerBatch = 25;

/** The page's sync state; an empty state when none is stored. */
export async function readFacebookState(table: TableContext, pageId: string): Promise<FacebookState> {
  const output = await table.db.send(
    new GetCommand({ TableName: table.tableName, Key: facebookStateKey(pageId) }),
  );
  const { PK, SK, type, ...state } = output.Item ?? {};
  return state as FacebookState;
}

/** Replaces the page's sync state. */
export async function writeFacebookState(
  table: TableContext,
  pageId: string,
  state: FacebookState,
): Promise<void> {
  await table.db.send(
    new PutCommand({
      TableName: table.tableName,
      Item: { ...facebookStateKey(pageId), type: 'fb-state', ...state },
    }),
  );
}

/** Stores posts with their latest counts, 25 a request, asking again for any the table hands back. */
export async function putPosts(table: TableContext, pageId: string, posts: StoredPost[]): Promise<void> {
  for (let offset = 0; offset < posts.length; offset += writesPerBatch) {
    let requests: Array<Record<string, unknown>> = posts
      .slice(offset, offset + writesPerBatch)
      .map((post) => ({
        PutRequest: { Item: { ...facebookPostKey(pageId, post.created, post.id), type: 'fb-post', ...post } },
      }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const output = await table.db.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: requests } }),
      );
      requests = (output.UnprocessedItems?.[table.tableName] ?? []) as Array<Record<string, unknown>>;
    }
  }
}

/** Sets a day's totals and insight values, leaving its other attributes as they are. */
export async function updateDay(
  table: TableContext,
  pageId: string,
  day: string,
  values: {
    followersCount?: number | undefined;
    fanCount?: number | undefined;
    insights?: Record<string, number>;
  },
): Promise<void> {
  const fields: Record<string, number> = {};
  if (values.followersCount !== undefined) fields.followersCount = values.followersCount;
  if (values.fanCount !== undefined) fields.fanCount = values.fanCount;
  for (const [metric, value] of Object.entries(values.insights ?? {})) fields[insightPrefix + metric] = value;
  const names = Object.keys(fields);
  if (names.length === 0) return;
  await table.db.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: facebookDayKey(pageId, day),
      UpdateExpression: `SET #type = :type, #day = :day, ${names.map((_, i) => `#f${i} = :f${i}`).join(', ')}`,
      ExpressionAttributeNames: {
        '#type': 'type',
        '#day': 'day',
        ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
      },
      ExpressionAttributeValues: {
        ':type': 'fb-day',
        ':day': day,
        ...Object.fromEntries(names.map((name, i) => [`:f${i}`, fields[name]])),
      },
    }),
  );
}

/** The stored days from `from` to `to`, both included, in order. */
export async function readDays(
  table: TableContext,
  pageId: string,
  from: string,
  to: string,
): Promise<StoredDay[]> {
  const range = facebookDayRange(from, to);
  const items = await queryRange(table, pageId, range.start, range.end);
  return items.map((item) => {
    const insights: Record<string, number> = {};
    for (const [name, value] of Object.entries(item)) {
      if (name.startsWith(insightPrefix) && typeof value === 'number')
        insights[name.slice(insightPrefix.length)] = value;
    }
    return {
      day: String(item.day),
      ...(typeof item.followersCount === 'number' ? { followersCount: item.followersCount } : {}),
      ...(typeof item.fanCount === 'number' ? { fanCount: item.fanCount } : {}),
      insights,
    };
  });
}

/** The stored posts created from `fromInstant` (included) to `toInstant` (excluded), oldest first. */
export async function readPosts(
  table: TableContext,
  pageId: string,
  fromInstant: string,
  toInstant: string,
): Promise<StoredPost[]> {
  const range = facebookPostRange(fromInstant, toInstant);
  const items = await queryRange(table, pageId, range.start, range.end);
  return items.map(({ PK, SK, type, ...post }) => post as unknown as StoredPost);
}

function queryRange(table: TableContext, pageId: string, start: string, end: string) {
  return queryAll(table, {
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :start AND :end',
    ExpressionAttributeValues: { ':pk': facebookPartition(pageId), ':start': start, ':end': end },
  });
}
