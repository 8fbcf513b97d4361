// What the digest reads beyond the table, declared here so the digest depends on no other feature:
// the Facebook page's week and the number of leads waiting for review are optional inputs.

/**
 * The Facebook page's figures for a period, as far as the digest uses them. Unavailable metrics are
 * null; the full summary may carry more fields, which the digest ignores.
 */
export interface FacebookWeekSummary {
  posts: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  engagement: number | null;
  followers: { start: number | null; end: number | null; change: number | null } | null;
  mediaViews: number | null;
  uniqueMediaViewers: number | null;
}

/** The page's summary for Baku days `from`..`to` (both included), or null when no page is configured. */
export type FacebookWeekPort = (from: string, to: string) => Promise<FacebookWeekSummary | null>;

/** How many leads (unconfirmed finds) wait for review. */
export type PendingLeadsPort = () => Promise<number>;
