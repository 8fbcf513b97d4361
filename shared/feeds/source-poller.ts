// Polls one source: fetch (conditional, retried), decode, parse, normalise, optionally enrich with
// article text. Returns an outcome and never throws for a feed's own failures.
import type { Agent } from 'undici';
import type { Outlet, OutletSource } from '#shared/config/outlets.ts';
import { extractArticleText } from './article-text.ts';
import { parseBody } from './body-parser.ts';
import { decodeBody } from './charset-decoder.ts';
import { FeedError } from './feed-error.ts';
import { fetchSource } from './http-fetcher.ts';
import { normaliseItems } from './item-normalizer.ts';
import type { OriginLimiter } from './origin-limiter.ts';
import type { FeedItem, SourceState } from './ports.ts';
import { fetchWithRetries, type RetryOptions } from './retrying-fetch.ts';

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
  | { status: 'items'; items: FeedItem[]; etag?: string; lastModified?: string }
  | { status: 'unchanged' }
  | { status: 'deferred'; until: Date }
  | { status: 'error'; error: FeedError };

/** Shared machinery of one poll run. */
export interface PollContext {
  agent: Agent;
  limiter: OriginLimiter;
  userAgent: string;
  options: FetchOptions;
  now: Date;
}

async function enrichWithArticleText(items: FeedItem[], ctx: PollContext, userAgent: string): Promise<void> {
  const teasers = items
    .filter((i) => i.link && i.text.length < 280)
    .slice(0, ctx.options.maxArticlesPerSource ?? 10);
  await Promise.all(
    teasers.map(async (item) => {
      try {
        const page = await fetchSource({
          url: item.link as string,
          agent: ctx.agent,
          userAgent,
          perHop: ctx.limiter.run,
          maxBytes: ctx.options.maxBytes,
          timeoutMs: ctx.options.timeoutMs,
        });
        if (page.status !== 'ok') return;
        const text = extractArticleText(decodeBody(page.body, page.contentType).text);
        if (text.length > item.text.length) item.text = text;
      } catch {
        // An unreachable article keeps its teaser; the feed itself was fine.
      }
    }),
  );
}

/** Polls one source, conditionally when its state holds validators. */
export async function pollSource(
  outlet: Outlet,
  source: OutletSource,
  state: SourceState | undefined,
  ctx: PollContext,
): Promise<SourceOutcome> {
  const userAgent = outlet.userAgent ?? ctx.userAgent;
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
      ctx.options,
    );
    if (fetched.status === 'unchanged') return { status: 'unchanged' };
    if (fetched.status === 'deferred') return fetched;
    const { text } = decodeBody(fetched.body, fetched.contentType);
    const raw = await parseBody(text, source, { finalUrl: fetched.finalUrl, timeZone: source.timeZone });
    const items = normaliseItems(raw, {
      now: ctx.now,
      ...(source.language ? { language: source.language } : {}),
    });
    if (outlet.fetchArticleText) await enrichWithArticleText(items, ctx, userAgent);
    return {
      status: 'items',
      items,
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
