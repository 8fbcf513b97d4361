// Use case: poll the news-search sources once.
//   Input:  search targets (source × query), their state store, the matcher, the outlet attributor,
//           optionally a sink that stores results.
//   Output: one report per target, in input order.
//   Steps:  skip targets not due (hourly with jitter, Retry-After, backoff) → per engine one request
//           at a time: fetch (conditional GET, retries, guarded agent) → decode the engine's items →
//           resolve each link within the deadline → attribute and match → drop results already seen
//           in this run → hand the rest to the sink → save state.
import pLimit from 'p-limit';
import type { Agent } from 'undici';
import { FeedError } from '../feeds/feed-error.ts';
import { createOriginLimiter, type OriginLimiter } from '../feeds/fetch/origin-limiter.ts';
import { fetchWithRetries } from '../feeds/fetch/retrying-fetch.ts';
import { decodeBody } from '../feeds/parse/charset-decoder.ts';
import { initialState, recordDeferral, recordFailure, recordSuccess } from '../feeds/poll/feed-health.ts';
import type { FeedErrorKind, FeedStateStore, SourceState } from '../feeds/poll/ports.ts';
import type { FetchOptions } from '../feeds/poll/source-poller.ts';
import type { Matcher } from '../matching/index.ts';
import { parseEngineItems } from './engine-items.ts';
import { resolveLink } from './link-resolver.ts';
import type { OutletAttributor } from './outlet-attribution.ts';
import { type SearchResult, toSearchResult } from './search-result.ts';
import { type SearchTarget, searchIsDue } from './search-sources.ts';

/** Stores search results; implementations skip what is stored already. */
export interface SearchSink {
  store(results: SearchResult[], firstSeenAt: string): Promise<{ written: number; leads: number }>;
}

/** The result of polling one query. */
export interface SearchReport {
  sourceId: string;
  searchId: string;
  query: string;
  url: string;
  status: 'items' | 'unchanged' | 'deferred' | 'skipped' | 'error';
  items?: SearchResult[];
  written?: number;
  leads?: number;
  deferredUntil?: string;
  error?: { kind: FeedErrorKind | 'storage'; message: string };
}

/** Input of a search poll. */
export interface SearchPollInput extends FetchOptions {
  targets: SearchTarget[];
  stateStore: FeedStateStore;
  matcher: Matcher;
  attributor: OutletAttributor;
  agent: Agent;
  userAgent: string;
  sink?: SearchSink;
  now?: Date;
  /** Skip queries that are not due. @default false */
  onlyDue?: boolean;
  /** Links resolved per query; the rest keep the engine's link. @default 20 */
  maxResolvesPerQuery?: number;
  log?: (line: string) => void;
}

/** Polls the search targets once and reports on each. */
export async function pollSearches(input: SearchPollInput): Promise<SearchReport[]> {
  const now = input.now ?? new Date();
  const log = input.log ?? (() => {});
  const states = await input.stateStore.load(input.targets.map((t) => t.sourceId));
  const limiter = createOriginLimiter(2);
  // One request at a time per engine entry: its queries queue behind each other.
  const perEngine = new Map<string, ReturnType<typeof pLimit>>();
  const seen = new Set<string>();
  const pollOne = async (target: SearchTarget): Promise<SearchReport> => {
    const base = {
      sourceId: target.sourceId,
      searchId: target.search.id,
      query: target.query.query,
      url: target.url,
    };
    const stored = states.get(target.sourceId);
    if (input.onlyDue && !searchIsDue(target, stored, now)) return { ...base, status: 'skipped' };
    const state = stored ?? initialState(target.sourceId, target.url, target.search.id);
    const outcome = await fetchTarget(target, stored, input, limiter);
    const at = new Date();
    if ('error' in outcome) {
      log(`search ${target.url}: ${outcome.error.kind}: ${outcome.error.message}`);
      await input.stateStore.save(recordFailure(state, outcome.error, at));
      return {
        ...base,
        status: 'error',
        error: { kind: outcome.error.kind, message: outcome.error.message },
      };
    }
    if ('until' in outcome) {
      await input.stateStore.save(recordDeferral(state, outcome.until, at));
      return { ...base, status: 'deferred', deferredUntil: outcome.until.toISOString() };
    }
    if (!outcome.results) {
      await input.stateStore.save(recordSuccess(state, at));
      return { ...base, status: 'unchanged', items: [] };
    }
    // The same article found by two queries or two engines is handed on once.
    const fresh = outcome.results.filter((result) => {
      const keys = [`${result.outletId}\n${result.link}`, `${result.outletId}\n#${result.storyKey}`];
      if (keys.some((key) => seen.has(key))) return false;
      for (const key of keys) seen.add(key);
      return true;
    });
    try {
      const stats = (await input.sink?.store(fresh, now.toISOString())) ?? { written: 0, leads: 0 };
      await input.stateStore.save(
        recordSuccess(state, at, {
          itemCount: outcome.results.length,
          etag: outcome.etag,
          lastModified: outcome.lastModified,
        }),
      );
      return { ...base, status: 'items', items: outcome.results, ...stats };
    } catch (error) {
      log(`store ${target.url}: ${(error as Error).message}`);
      return { ...base, status: 'error', error: { kind: 'storage', message: (error as Error).message } };
    }
  };
  return Promise.all(
    input.targets.map((target) => {
      const limit = perEngine.get(target.search.id) ?? pLimit(1);
      perEngine.set(target.search.id, limit);
      return limit(() => pollOne(target));
    }),
  );
}

type FetchOutcome =
  | { error: FeedError }
  | { until: Date }
  | { results?: SearchResult[]; etag?: string; lastModified?: string };

async function fetchTarget(
  target: SearchTarget,
  state: SourceState | undefined,
  input: SearchPollInput,
  limiter: OriginLimiter,
): Promise<FetchOutcome> {
  const deadline = Date.now() + (input.deadlineMs ?? 60_000);
  try {
    const fetched = await fetchWithRetries(
      {
        url: target.url,
        agent: input.agent,
        userAgent: input.userAgent,
        perHop: limiter.run,
        ...(state?.etag ? { etag: state.etag } : {}),
        ...(state?.lastModified ? { lastModified: state.lastModified } : {}),
        ...(input.maxBytes ? { maxBytes: input.maxBytes } : {}),
        ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
      },
      { ...input, deadlineMs: deadline - Date.now() },
    );
    if (fetched.status === 'deferred') return { until: fetched.until };
    if (fetched.status === 'unchanged') return {};
    const { text } = decodeBody(Buffer.concat(fetched.chunks), fetched.contentType);
    const items = parseEngineItems(text, target.search.engine, fetched.finalUrl);
    const budget = target.search.resolveLinks ? (input.maxResolvesPerQuery ?? 20) : 0;
    const resolveCtx = { agent: input.agent, limiter, userAgent: input.userAgent, deadline };
    const results = await Promise.all(
      items.map(async (item, index) => {
        const resolved =
          item.link && item.engineLink && index < budget
            ? await resolveLink(item.link, item.engineLink, resolveCtx)
            : undefined;
        return toSearchResult(item, resolved, target.query, target.search.id, input);
      }),
    );
    return {
      results: results.filter((r): r is SearchResult => r !== undefined),
      ...(fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    };
  } catch (error) {
    return {
      error:
        error instanceof FeedError
          ? error
          : new FeedError('unparseable', String((error as Error)?.message ?? error)),
    };
  }
}
