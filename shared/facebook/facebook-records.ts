// The shapes stored for a Facebook page: a day (totals and insight values), a post's latest counts,
// and the page's sync state.

/** A post as stored, with its latest counts. */
export interface StoredPost {
  id: string;
  /** Creation instant, UTC ISO. */
  created: string;
  /** The Baku day of `created`. */
  day: string;
  text: string;
  permalink: string | null;
  reactions: number;
  comments: number;
  shares: number;
  /** Ids of the roster entities the post names. */
  members: string[];
  refreshedAt: string;
}

/** A stored day: totals snapshotted that day and the daily insight values counted for it. */
export interface StoredDay {
  day: string;
  /** Followers and likes read from the page node when the day's snapshot ran. */
  followersCount?: number;
  fanCount?: number;
  /** Daily insight values by metric name. */
  insights: Record<string, number>;
}

/** A page's sync state: what the next run must know. */
export interface FacebookState {
  /** Set when Graph rejected the token (error 190); cleared by the first success with another token. */
  tokenRejected?: { fingerprint: string; at: string; message: string };
  /** No Graph request before this instant (UTC ISO): the rate limit's backoff. */
  rateLimitedUntil?: string;
  /** Metrics Graph answered "invalid metric" for, with the API version that said so. */
  retiredMetrics?: Record<string, { version: string; at: string }>;
  lastSync?: { at: string; outcome: string; detail: string };
  pageName?: string;
}
