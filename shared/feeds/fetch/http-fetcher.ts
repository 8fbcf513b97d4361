// One conditional GET of a source, following at most 5 redirects by hand so each hop is guarded,
// counted and resolved against the URL that sent it.
import { type Agent, errors } from 'undici';
import { FeedError } from '../feed-error.ts';
import { AddressRefusedError } from './address-guard.ts';
import { SlotWaitAbortedError } from './origin-limiter.ts';
import { type FetchResult, requestHop } from './request-hop.ts';

export { type FetchResult, maxRetryAfterSeconds, parseRetryAfter } from './request-hop.ts';

/** What a fetch needs besides the URL. */
export interface FetchRequest {
  url: string;
  agent: Agent;
  userAgent: string;
  etag?: string;
  lastModified?: string;
  /** Cap on the decoded body. @default 10 MiB */
  maxBytes?: number;
  /** Time of one attempt's own requests (all hops, headers and body), slot waits excluded. @default 30_000 */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Wraps each hop, e.g. to hold a per-origin slot while the request runs. */
  perHop?: <T>(origin: string, run: () => Promise<T>) => Promise<T>;
  /** What is left of the source's own budget; each hop ends by then too. */
  remainingMs?: () => number;
}

function toFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const err = error as { name?: string; code?: string; message?: string; cause?: unknown };
  const refused =
    error instanceof AddressRefusedError
      ? error
      : err.cause instanceof AddressRefusedError
        ? err.cause
        : undefined;
  if (refused) return new FeedError('network', refused.message, { cause: error });
  if (
    err.name === 'TimeoutError' ||
    error instanceof errors.ConnectTimeoutError ||
    error instanceof errors.HeadersTimeoutError ||
    error instanceof errors.BodyTimeoutError
  ) {
    return new FeedError('timeout', 'timed out', { cause: error, retryable: true });
  }
  const message = String(err.message ?? error);
  // A name that does not exist will not exist a second later; EAI_AGAIN (a DNS hiccup) is retried.
  return new FeedError(
    'network',
    err.code && !message.includes(err.code) ? `${err.code}: ${message}` : message,
    {
      cause: error,
      retryable: err.code !== 'ENOTFOUND',
    },
  );
}

/**
 * Fetches a URL once (no retries); throws a `FeedError` for every failure, or `SlotWaitAbortedError`
 * when no request could be sent before the run ended.
 */
export async function fetchSource(req: FetchRequest): Promise<FetchResult> {
  const maxBytes = req.maxBytes ?? 10 * 1024 * 1024;
  const perHop = req.perHop ?? (<T>(_origin: string, run: () => Promise<T>) => run());
  const attemptMs = req.timeoutMs ?? 30_000;
  // RFC 9110 §13.1.3: a server ignores If-Modified-Since when If-None-Match is present, so the
  // stronger ETag validator is sent alone when we have one.
  const conditional: Record<string, string> = req.etag
    ? { 'if-none-match': req.etag }
    : req.lastModified
      ? { 'if-modified-since': req.lastModified }
      : {};
  // The attempt's timer runs only while a hop holds its slot, so time spent in line behind other
  // sources of the same origin is never charged to this one.
  let attemptSpent = 0;
  let url = new URL(req.url);
  try {
    for (let hop = 0; ; hop++) {
      const current = url;
      const outcome = await perHop(current.origin, async () => {
        const startedAt = Date.now();
        const left = Math.min(attemptMs - attemptSpent, req.remainingMs?.() ?? attemptMs);
        if (left <= 0) throw new FeedError('timeout', 'per-source deadline passed');
        try {
          const signal = AbortSignal.timeout(left);
          return await requestHop(current, {
            agent: req.agent,
            userAgent: req.userAgent,
            conditional,
            maxBytes,
            signal,
          });
        } finally {
          attemptSpent += Date.now() - startedAt;
        }
      });
      if ('result' in outcome) return outcome.result;
      if (hop >= (req.maxRedirects ?? 5))
        throw new FeedError('http-status', `more than ${req.maxRedirects ?? 5} redirects`);
      if (!/^https?:$/.test(outcome.redirect.protocol)) {
        throw new FeedError('http-status', `redirect to unsupported scheme ${outcome.redirect.protocol}`);
      }
      url = outcome.redirect;
    }
  } catch (error) {
    if (error instanceof SlotWaitAbortedError) throw error;
    throw toFeedError(error);
  }
}
