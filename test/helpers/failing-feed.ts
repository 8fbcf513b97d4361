// Marks the first registered feed of a test API as failing, as a poll that met `lastError` would, so
// feed health has something to show.
import type { FeedErrorKind } from '#shared/feeds/feed-error.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import type { startTestApi } from './local-api.ts';

/** Saves the first feed's state with `failures` consecutive failures, the last of them `lastError`. */
export async function failFirstFeed(
  api: Awaited<ReturnType<typeof startTestApi>>,
  lastError: { kind: FeedErrorKind; message: string },
  failures: number,
): Promise<void> {
  const feeds = (await (await api.request('/api/feeds', { role: 'management' })).json()).feeds;
  const failing = feeds[0];
  await dynamoFeedStateStore({ db: api.table.documentClient, tableName: api.table.tableName }).save({
    sourceId: failing.sourceId,
    outletId: failing.outletId,
    url: failing.url,
    consecutiveFailures: failures,
    itemsSeen: 0,
    lastError: { ...lastError, at: new Date().toISOString() },
  } as never);
}
