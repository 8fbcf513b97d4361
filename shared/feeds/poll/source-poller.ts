// Polls one source: fetch (conditional, retried), decode, parse, normalise, optionally enrich with
// article text. Returns an outcome and never throws for a feed's own failures.
import type { Agent } from 'undici';
import type { Outlet, OutletSource } from '#shared/config/outlets.ts';
import { enrichWithArticleText } from '../enrich/article-enricher.ts';
import { FeedError } from '../feed-error.ts';
import type { OriginLimiter } from '../fetch/origin-limiter.ts';
import { fetchWithRetries, type RetryOptions } from '../fetch/retrying-fetch.ts';
import { normaliseItems } from '../items/item-normaliser.ts';
import { parseBody } from '../parse/body-parser.ts';
import { decodeBody } from '../parse/charset-decoder.ts';
import type { FeedItem, ItemSink, SourceState } from './ports.ts';

/** Fetch settings of a poll. */
export interface FetchOptions extends RetryOptions {
  /** Total time of one attempt. @default 30_000 */
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
  | { status: 'items'; items: FeedItem[]; finalUrl?: string; etag?: string; lastModified?: string }
  | { status: 'unchanged'; finalUrl?: string }
  | { status: 'deferred'; until: Date }
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
}

/** Polls one source, conditionally when its state holds validators. */
export async function pollSource(
  outlet: Outlet,
  source: OutletSource,
  state: SourceState | undefined,
  ctx: PollContext,
): Promise<SourceOutcome> {
  const userAgent = outlet.userAgent ?? ctx.userAgent;
  // One deadline for the feed, its retries and its article pages.
  const deadline = Date.now() + (ctx.options.deadlineMs ?? 60_000);
  try {
    const fetched = await fetchWithRetries(
      {
        url: source.url,
        agent: ctx.agent,
        userAgent,
        perHop: ctx.limiter.run,
        ...(state?.etag ? { etag: state.etag } : {}),
        ...(state?.lastModified ? { lastModified: state.lastModified } : {}),
        ...(ctx.options.maxBytes ? { maxBytes: ctx.options.maxBytes } : {}),
        ...(ctx.options.timeoutMs ? { timeoutMs: ctx.options.timeoutMs } : {}),
      },
      { ...ctx.options, deadlineMs: deadline - Date.now() },
    );
    if (fetched.status === 'unchanged') return { status: 'unchanged', finalUrl: fetched.finalUrl };
    if (fetched.status === 'deferred') return fetched;
    const { text } = decodeBody(fetched.body, fetched.contentType);
    const raw = await parseBody(text, source, { finalUrl: fetched.finalUrl, timeZone: source.timeZone });
    const items = normaliseItems(raw, {
      now: ctx.now,
      ...(source.language ? { language: source.language } : {}),
    });
    if (outlet.fetchArticleText) {
      await enrichWithArticleText(items, {
        outlet,
        source,
        agent: ctx.agent,
        limiter: ctx.limiter,
        userAgent,
        sink: ctx.sink,
        deadline,
        ...(ctx.options.maxArticlesPerSource ? { maxArticles: ctx.options.maxArticlesPerSource } : {}),
        ...(ctx.options.maxBytes ? { maxBytes: ctx.options.maxBytes } : {}),
        ...(ctx.options.timeoutMs ? { timeoutMs: ctx.options.timeoutMs } : {}),
      });
    }
    return {
      status: 'items',
      items,
      finalUrl: fetched.finalUrl,
      ...(fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
    };
  } catch (error) {
    const failure =
      error instanceof FeedError
        ? error
        : new FeedError('unparseable', String((error as Error)?.message ?? error), { cause: error });
    return { status: 'error', error: failure };
  }
}
