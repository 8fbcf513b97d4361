// Polls one source: fetch (conditional, retried), decode, parse, keep the newest items, normalise,
// optionally enrich with article text. Returns an outcome and never throws for a feed's own failures.
import type { Agent } from 'undici';
import type { Outlet, OutletSource } from '#shared/config/outlets.ts';
import { enrichWithArticleText } from '../enrich/article-enricher.ts';
import { FeedError } from '../feed-error.ts';
import { type OriginLimiter, SlotWaitAbortedError } from '../fetch/origin-limiter.ts';
import { fetchWithRetries, type RetryOptions } from '../fetch/retrying-fetch.ts';
import { createSourceClock } from '../fetch/source-clock.ts';
import { normaliseItems } from '../items/item-normaliser.ts';
import { parseFeedBytes } from '../parse/feed-bytes.ts';
import type { FeedItem, ItemSink, SourceState } from './ports.ts';

/** Fetch settings of a poll. */
export interface FetchOptions extends RetryOptions {
  /** Time of one attempt's own requests. @default 30_000 */
  timeoutMs?: number;
  /** @default 10_000 */
  connectTimeoutMs?: number;
  /** Cap on every decoded body. @default 10 MiB */
  maxBytes?: number;
  /** Overrides the tracker's User-Agent for every outlet (outlet settings still win). */
  userAgent?: string;
  /** Article pages fetched per source when the outlet asks for article text. @default 10 */
  maxArticlesPerSource?: number;
}

/** What polling one source produced. */
export type SourceOutcome =
  | {
      status: 'items';
      items: FeedItem[];
      /** Where the body came from after redirects. */
      finalUrl?: string;
      /** Items the answer carried, and how many of them were left out as older than the newest kept. */
      itemsInFeed: number;
      itemsCut: number;
      etag?: string;
      lastModified?: string;
    }
  | { status: 'unchanged'; finalUrl?: string }
  | { status: 'deferred'; until: Date }
  | { status: 'not-polled' }
  | { status: 'error'; error: FeedError };

/** Shared machinery of one poll run. */
export interface PollContext {
  agent: Agent;
  limiter: OriginLimiter;
  userAgent: string;
  options: FetchOptions;
  now: Date;
  /** Consulted for which items are new before their article pages are fetched. */
  sink: Pick<ItemSink, 'newItems'>;
  /** Items of a feed kept when its source sets no `maxItems`. */
  maxItemsPerFeed: number;
  /** Aborted when the run is out of time: waits for a slot end, and the source is not polled. */
  runSignal?: AbortSignal;
}

/** The body, no longer held by the fetch result, so it is let go as soon as it has been parsed. */
function takeBody(fetched: { chunks: Buffer[] }): Buffer[] {
  const { chunks } = fetched;
  fetched.chunks = [];
  return chunks;
}

/** Polls one source, conditionally when its state holds validators. */
export async function pollSource(
  outlet: Outlet,
  source: OutletSource,
  state: SourceState | undefined,
  ctx: PollContext,
): Promise<SourceOutcome> {
  const userAgent = outlet.userAgent ?? ctx.userAgent;
  // One budget for the feed, its retries and its article pages, charged only while the source's
  // own requests run (and for its parsing and backoff), never while it waits for an origin slot.
  const clock = createSourceClock(ctx.options.deadlineMs ?? 60_000, ctx.limiter, ctx.runSignal);
  try {
    const fetched = await fetchWithRetries(
      {
        url: source.url,
        agent: ctx.agent,
        userAgent,
        perHop: clock.hop,
        remainingMs: clock.remainingMs,
        ...(state?.etag ? { etag: state.etag } : {}),
        ...(state?.lastModified ? { lastModified: state.lastModified } : {}),
        ...(ctx.options.maxBytes ? { maxBytes: ctx.options.maxBytes } : {}),
        ...(ctx.options.timeoutMs ? { timeoutMs: ctx.options.timeoutMs } : {}),
      },
      ctx.options,
    );
    if (fetched.status === 'unchanged') return { status: 'unchanged', finalUrl: fetched.finalUrl };
    if (fetched.status === 'deferred') return fetched;
    const { etag, lastModified, finalUrl } = fetched;
    const parsed = await parseFeedBytes(
      takeBody(fetched),
      fetched.contentType,
      source,
      { finalUrl, timeZone: source.timeZone },
      source.maxItems ?? ctx.maxItemsPerFeed,
    );
    const items = normaliseItems(parsed.items, {
      now: ctx.now,
      ...(source.language ? { language: source.language } : {}),
    });
    if (outlet.fetchArticleText) {
      await enrichWithArticleText(items, {
        outlet,
        source,
        agent: ctx.agent,
        clock,
        userAgent,
        sink: ctx.sink,
        ...(ctx.options.maxArticlesPerSource ? { maxArticles: ctx.options.maxArticlesPerSource } : {}),
        ...(ctx.options.maxBytes ? { maxBytes: ctx.options.maxBytes } : {}),
        ...(ctx.options.timeoutMs ? { timeoutMs: ctx.options.timeoutMs } : {}),
      });
    }
    return {
      status: 'items',
      items,
      finalUrl,
      itemsInFeed: parsed.total,
      itemsCut: parsed.total - parsed.items.length,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  } catch (error) {
    if (error instanceof SlotWaitAbortedError) return { status: 'not-polled' };
    const failure =
      error instanceof FeedError
        ? error
        : new FeedError('unparseable', String((error as Error)?.message ?? error), { cause: error });
    return { status: 'error', error: failure };
  }
}
