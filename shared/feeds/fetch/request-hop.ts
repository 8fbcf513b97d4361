// One request of a fetch: a single hop, answered with a result, a redirect to follow, or a
// `FeedError` for the status it got.
import type { Readable } from 'node:stream';
import { type Agent, request } from 'undici';
import { looksLikeChallenge } from '../challenge-page.ts';
import { FeedError } from '../feed-error.ts';
import { discard, peekBody, readCappedBody } from './body-reader.ts';

/** A fetched body, or word that it has not changed. */
export type FetchResult =
  | { status: 'unchanged'; finalUrl: string }
  | {
      status: 'ok';
      finalUrl: string;
      /** The decoded body in the chunks it arrived in; `Buffer.concat` them for one buffer. */
      chunks: Buffer[];
      contentType: string;
      etag?: string;
      lastModified?: string;
    };

/** What one hop needs. */
export interface HopRequest {
  agent: Agent;
  userAgent: string;
  /** Conditional headers (If-None-Match or If-Modified-Since). */
  conditional: Record<string, string>;
  maxBytes: number;
  signal: AbortSignal;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** The first value of a response header. */
export const header = (
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The longest pause a site may ask for: a Retry-After of years (or an absurd number that no Date can
 * hold) would silence a source for good, so anything longer is read as a week.
 */
export const maxRetryAfterSeconds = 7 * 24 * 3600;

/** Retry-After in seconds, from delta-seconds or an HTTP date (RFC 9110 §10.2.3), at most a week. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const seconds = /^\d+$/.test(text) ? Number(text) : Math.ceil((Date.parse(text) - now) / 1000);
  if (Number.isNaN(seconds)) return undefined;
  return Math.min(maxRetryAfterSeconds, Math.max(0, seconds));
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

/** Sends one GET and reads its answer; throws `FeedError` for a status that is not success. */
export async function requestHop(
  url: URL,
  req: HopRequest,
): Promise<{ result: FetchResult } | { redirect: URL }> {
  const res = await request(url, {
    dispatcher: req.agent,
    signal: req.signal,
    headers: {
      'user-agent': req.userAgent,
      accept:
        'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      ...req.conditional,
    },
  });
  const location = header(res.headers, 'location');
  if (redirectStatuses.has(res.statusCode) && location) {
    discard(res.body);
    return { redirect: new URL(location, url) };
  }
  if (res.statusCode === 304) {
    discard(res.body);
    return { result: { status: 'unchanged', finalUrl: url.href } };
  }
  if (res.statusCode < 200 || res.statusCode > 299)
    throw await statusError(res.statusCode, res.headers, res.body);
  const length = Number(header(res.headers, 'content-length') ?? Number.NaN);
  if (length > req.maxBytes && !header(res.headers, 'content-encoding')) {
    discard(res.body);
    throw new FeedError('too-large', `Content-Length ${length} exceeds the cap of ${req.maxBytes} bytes`);
  }
  const chunks = await readCappedBody(res.body, header(res.headers, 'content-encoding') ?? '', req.maxBytes);
  const etag = header(res.headers, 'etag');
  const lastModified = header(res.headers, 'last-modified');
  return {
    result: {
      status: 'ok',
      finalUrl: url.href,
      chunks,
      contentType: header(res.headers, 'content-type') ?? '',
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    },
  };
}
