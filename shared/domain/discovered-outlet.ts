// An outlet nobody registered, found because a news search attributed coverage to its domain.

/** A discovered outlet, keyed by its registrable domain. */
export interface DiscoveredOutlet {
  domain: string;
  /** The name the search engine gave it (the latest one seen). */
  name: string;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Mentions stored for it, counted or not. */
  mentions: number;
  /** Marked by PR staff as not press (an aggregator, a forum): its mentions count nowhere. */
  notPress: boolean;
  markedBy?: string;
  markedAt?: string;
}
