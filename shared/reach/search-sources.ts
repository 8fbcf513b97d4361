// The query-level sources of the registry's `searches`: each (search source, roster query) pair has
// its own id, state and schedule, like a feed.
import { createHash } from 'node:crypto';
import type { OutletRegistry, SearchSource } from '../config/outlets.ts';
import type { Roster } from '../config/roster.ts';
import { isDue } from '../feeds/poll/feed-health.ts';
import type { SourceState } from '../feeds/poll/ports.ts';
import { queriesFor, type SearchQuery, searchUrl } from './search-queries.ts';

/** One query of one search source. */
export interface SearchTarget {
  /** `search:<search id>:<hash of the query>`, the id its state is kept under. */
  sourceId: string;
  search: SearchSource;
  query: SearchQuery;
  url: string;
}

/** Prefix of every search target's source id. */
export const searchSourcePrefix = 'search:';

/** Every enabled search source paired with each of its queries. */
export function searchTargets(registry: Pick<OutletRegistry, 'searches'>, roster: Roster): SearchTarget[] {
  return (registry.searches ?? [])
    .filter((search) => search.enabled)
    .flatMap((search) =>
      queriesFor(roster, search.language).map((query) => ({
        sourceId: `${searchSourcePrefix}${search.id}:${digest(query.query).slice(0, 10)}`,
        search,
        query,
        url: searchUrl(search.url, query.query),
      })),
    );
}

/** A query is asked at most hourly. */
const minimumIntervalMs = 3_600_000;
/** Spread over a quarter of an hour, so the queries of one engine do not fall due together. */
const jitterMs = 900_000;

/**
 * Whether a query is due: not deferred or backing off, and at least an hour plus its own jitter
 * (fixed per query, from its id) since it was last polled.
 */
export function searchIsDue(target: SearchTarget, state: SourceState | undefined, now: Date): boolean {
  if (!state) return true;
  if (!isDue(state, now)) return false;
  if (!state.lastPolledAt) return true;
  const jitter = Number.parseInt(digest(target.sourceId).slice(0, 8), 16) % jitterMs;
  return now.getTime() >= Date.parse(state.lastPolledAt) + minimumIntervalMs + jitter;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
