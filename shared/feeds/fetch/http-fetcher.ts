// One conditional GET of a source, following at most 5 redirects by hand so each hop is guarded,
// counted and resolved against the URL that sent it.
import type { Readable } from 'node:stream';
import { type Agent, errors, request } from 'undici';
import { looksLikeChallenge } from '../challenge-page.ts';
import { FeedError } from '../feed-error.ts';
import { AddressRefusedError } from './address-guard.ts';
import { discard, peekBody, readCappedBody } from './body-reader.ts';

/** What a fetch needs besides the URL. */
export interface FetchRequest {
  url: string;
  agent: Agent;
  userAgent: string;
  etag?: string;
  lastModified?: string;
  /** Cap on the decoded body. @default 10 MiB */
  maxBytes?: number;
  /** Total time of one attempt, headers and body. @default 30_000 */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Wraps each hop, e.g. to hold a per-origin slot while the request runs. */
  perHop?: <T>(origin: string, run: () => Promise<T>) => Promise<T>;
}

/** A fetched body, or word that it has not changed. */
export type FetchResult =
  | { status: 'unchanged'; finalUrl: string }
  | {
      status: 'ok';
      finalUrl: string;
      body: Buffer;
      contentType: string;
      etag?: string;
      lastModified?: string;
    };

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Retry-After in seconds, from delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
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

async function statusError(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  body: Readable,
) {
  const sample = await peekBody(body);
  if (status === 403 || ((status === 503 || status === 429) && looksLikeChallenge(headers, sample))) {
    return new FeedError('blocked', `HTTP ${status}: the site refuses automated clients`);
  }
  const retryable = status === 429 || status >= 500;
  const retryAfterSeconds = parseRetryAfter(header(headers, 'retry-after'));
  return new FeedError('http-status', `HTTP ${status}`, {
    retryable,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

/** Fetches a URL once (no retries); throws a `FeedError` for every failure. */
export async function fetchSource(req: FetchRequest): Promise<FetchResult> {
  const maxBytes = req.maxBytes ?? 10 * 1024 * 1024;
  const perHop = req.perHop ?? (<T>(_origin: string, run: () => Promise<T>) => run());
  const signal = AbortSignal.timeout(req.timeoutMs ?? 30_000);
  // RFC 9110 §13.1.3: a server ignores If-Modified-Since when If-None-Match is present, so the
  // stronger ETag validator is sent alone when we have one.
  const conditional: Record<string, string> = req.etag
    ? { 'if-none-match': req.etag }
    : req.lastModified
      ? { 'if-modified-since': req.lastModified }
      : {};
  let url = new URL(req.url);
  try {
    for (let hop = 0; ; hop++) {
      const current = url;
      const outcome = await perHop(
        current.origin,
        async (): Promise<{ result: FetchResult } | { redirect: URL }> => {
          const res = await request(current, {
            dispatcher: req.agent,
            signal,
            headers: {
              'user-agent': req.userAgent,
              accept:
                'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
              'accept-encoding': 'gzip, deflate, br',
              ...conditional,
            },
          });
          const location = header(res.headers, 'location');
          if (redirectStatuses.has(res.statusCode) && location) {
            discard(res.body);
            return { redirect: new URL(location, current) };
          }
          if (res.statusCode === 304) {
            discard(res.body);
            return { result: { status: 'unchanged', finalUrl: current.href } };
          }
          if (res.statusCode < 200 || res.statusCode > 299)
            throw await statusError(res.statusCode, res.headers, res.body);
          const length = Number(header(res.headers, 'content-length') ?? Number.NaN);
          if (length > maxBytes && !header(res.headers, 'content-encoding')) {
            discard(res.body);
            throw new FeedError('too-large', `Content-Length ${length} exceeds the cap of ${maxBytes} bytes`);
          }
          const body = await readCappedBody(
            res.body,
            header(res.headers, 'content-encoding') ?? '',
            maxBytes,
          );
          const etag = header(res.headers, 'etag');
          const lastModified = header(res.headers, 'last-modified');
          const result: FetchResult = {
            status: 'ok',
            finalUrl: current.href,
            body,
            contentType: header(res.headers, 'content-type') ?? '',
            ...(etag ? { etag } : {}),
            ...(lastModified ? { lastModified } : {}),
          };
          return { result };
        },
      );
      if ('result' in outcome) return outcome.result;
      if (hop >= (req.maxRedirects ?? 5))
        throw new FeedError('http-status', `more than ${req.maxRedirects ?? 5} redirects`);
      if (!/^https?:$/.test(outcome.redirect.protocol)) {
        throw new FeedError('http-status', `redirect to unsupported scheme ${outcome.redirect.protocol}`);
      }
      url = outcome.redirect;
    }
  } catch (error) {
    throw toFeedError(error);
  }
}
