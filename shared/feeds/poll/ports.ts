// The ports of the poll use case: where feed health state is kept and where new items go.
import type { Outlet, OutletSource } from '#shared/config/outlets.ts';

import type { FeedErrorKind } from '../feed-error.ts';

export type { FeedErrorKind };

/** Health and conditional-GET validators of one source. */
export interface SourceState {
  sourceId: string;
  url: string;
  outletId: string;
  etag?: string;
  lastModified?: string;
  /** Set when the site asked us (Retry-After) to come back later than this poll could wait. */
  deferredUntil?: string;
  lastSuccessAt?: string;
  lastError?: { kind: FeedErrorKind; message: string; at: string };
  consecutiveFailures: number;
  /** Items in the latest full (non-304) answer. */
  itemsSeen: number;
  /** Items of the latest full answer left out as older than the newest `maxItems`; absent when none. */
  itemsCut?: number;
  lastPolledAt?: string;
  /**
   * Set when the last run ended before this source got a request slot: not a failure of the source,
   * and such a source goes first in the next run. Cleared by any poll that reached it.
   */
  notPolledAt?: string;
}

/** Reads and writes source state. */
export interface FeedStateStore {
  load(sourceIds: string[]): Promise<Map<string, SourceState>>;
  save(state: SourceState): Promise<void>;
}

/** One normalised item, as it would be stored. */
export interface FeedItem {
  /** Unique within its source: the guid, else the canonical link, else `sha256:` of title and text. */
  identity: string;
  title: string;
  link: string | null;
  text: string;
  /** The item's own date in ISO UTC, or null when it had none usable. */
  published: string | null;
  dateFlag?: 'missing' | 'impossible';
  language?: string;
  /** Groups the same story across outlets; see story-key.ts. */
  storyKey: string;
}

/** Receives the items of each successful fetch; implementations skip items already stored. */
export interface ItemSink {
  store(
    outlet: Outlet,
    source: OutletSource,
    items: FeedItem[],
    firstSeenAt: string,
  ): Promise<{ written: number; mentions?: number }>;
  /**
   * The items of `items` not stored yet, so per-item work such as fetching article pages is done
   * only for new items. Without it every item counts as new.
   */
  newItems?(outlet: Outlet, source: OutletSource, items: FeedItem[]): Promise<FeedItem[]>;
}

/** The storage a poll needs, opened once per run. */
export interface PollStorage {
  stateStore: FeedStateStore;
  sink: ItemSink;
  close(): Promise<void>;
}
