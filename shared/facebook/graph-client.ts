// A Graph API client for one page: its totals, its published posts and its daily insights. The token
// travels in the Authorization header, never in a logged URL; `paging.next` links are followed only
// on the configured origin, with any access_token they carry removed. Connections go through the
// address guard: a private or loopback address is reached only when the configured origin names
// that very address (a stand-in on 127.0.0.1), never through a host name that resolves to one.
import { isIP } from 'node:net';
import { request } from 'undici';
import { AddressRefusedError } from '../feeds/fetch/address-guard.ts';
import { createHttpClient } from '../feeds/fetch/http-client.ts';
import { GraphError, graphErrorFrom, readUsage } from './graph-errors.ts';
import type { GraphPage, GraphPost, InsightValue } from './graph-types.ts';

/** How the client reaches the Graph API. */
export interface GraphClientOptions {
  graphUrl: string;
  version: string;
  pageId: string;
  token: string;
  /** Bounds the retries of one request (5xx, network), in milliseconds. @default 30000 */
  retryDeadlineMs?: number;
  /** First retry delay, doubled each time. @default 500 */
  retryBaseMs?: number;
  /** Per-request timeout. @default 15000 */
  timeoutMs?: number;
}

/** Usage above this share of a limit ends the run after the current answer (X-App-Usage and kin). */
const usageCeilingPercent = 95;
const maxPostPages = 1000;
const maxBodyChars = 5_000_000;

const postFields = [
  'created_time',
  'message',
  'permalink_url',
  'shares',
  'reactions.limit(0).summary(total_count)',
  'comments.limit(0).summary(true)',
].join(',');

/** The calls a sync makes. */
export interface GraphClient {
  page(): Promise<GraphPage>;
  /** The page's posts created in [sinceSeconds, untilSeconds), newest first, one Graph page at a time. */
  publishedPosts(sinceSeconds: number, untilSeconds: number): AsyncGenerator<GraphPost[]>;
  /** One metric's daily values for `since`..`until` (days, both included, at most 90). */
  insight(metric: string, since: string, until: string): Promise<InsightValue[]>;
  /** Set once an answer's usage headers say the app is at its limit: the run should stop. */
  nearLimit: GraphError | undefined;
  /** Closes the client's connections. */
  close(): Promise<void>;
}

/** Builds a client bound to one page and token. */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const origin = new URL(options.graphUrl).origin;
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  const dispatcher = createHttpClient({ allowPrivateAddresses: isIP(host) ? [host] : [] });
  const deadlineMs = options.retryDeadlineMs ?? 30_000;
  const baseMs = options.retryBaseMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const client: GraphClient = {
    nearLimit: undefined,
    page: async () =>
      (await getJson(endpoint(options.pageId, { fields: 'name,followers_count,fan_count' }))) as GraphPage,
    publishedPosts,
    insight,
    close: () => dispatcher.close(),
  };

  function endpoint(path: string, params: Record<string, string>): URL {
    const url = new URL(`${origin}/${options.version}/${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url;
  }

  async function getJson(url: URL): Promise<unknown> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      let failure: GraphError;
      try {
        // undici's request (not fetch) so the functions' bundles carry only its core; it follows no
        // redirect, so a 3xx from Graph ends as an error like any other unexpected answer.
        const answer = await request(url, {
          headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
          dispatcher,
        });
        const response = {
          status: answer.statusCode,
          ok: answer.statusCode >= 200 && answer.statusCode < 300,
        };
        const headers = headersOf(answer.headers);
        const text = await answer.body.text();
        const body = text.length > maxBodyChars ? undefined : parseBody(text);
        const usage = readUsage(headers);
        if (response.ok && body !== undefined && !(body as { error?: unknown }).error) {
          if (usage.highestPercent >= usageCeilingPercent) {
            client.nearLimit = new GraphError({
              kind: 'rate-limited',
              status: response.status,
              message: `usage at ${usage.highestPercent}% of a Graph API limit`,
              retryAfterMs: usage.regainAccessMs,
            });
          }
          return body;
        }
        failure = graphErrorFrom(response.status, body, headers);
      } catch (error) {
        const refused = refusal(error);
        if (refused) throw new GraphError({ kind: 'other', status: 0, message: refused.message });
        failure = new GraphError({
          kind: 'transient',
          status: 0,
          message: `network: ${(error as Error).name}`,
        });
      }
      const delay = baseMs * 2 ** attempt;
      if (failure.kind !== 'transient' || Date.now() - started + delay > deadlineMs) throw failure;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  async function* publishedPosts(sinceSeconds: number, untilSeconds: number): AsyncGenerator<GraphPost[]> {
    let url: URL | undefined = endpoint(`${options.pageId}/published_posts`, {
      fields: postFields,
      since: String(sinceSeconds),
      until: String(untilSeconds),
      limit: '100',
    });
    for (let pages = 0; url && pages < maxPostPages; pages++) {
      const body = (await getJson(url)) as { data?: GraphPost[]; paging?: { next?: string } };
      const posts = Array.isArray(body.data) ? body.data : [];
      yield posts;
      // A page may be empty and still carry `next`: only a missing `next` ends the list. Posts come
      // newest first, so one older than the period ends it too.
      const oldest = posts.at(-1)?.created_time;
      if (oldest && Date.parse(oldest) / 1000 < sinceSeconds) return;
      url = nextUrl(body.paging?.next);
    }
  }

  function nextUrl(next: string | undefined): URL | undefined {
    if (!next) return undefined;
    const url = new URL(next);
    if (url.origin !== origin) {
      throw new GraphError({ kind: 'other', status: 0, message: 'paging.next points outside the Graph API' });
    }
    url.searchParams.delete('access_token');
    return url;
  }

  async function insight(metric: string, since: string, until: string): Promise<InsightValue[]> {
    const body = (await getJson(
      endpoint(`${options.pageId}/insights`, { metric, period: 'day', since, until: nextDay(until) }),
    )) as { data?: Array<{ name?: string; values?: Array<{ value?: unknown; end_time?: string }> }> };
    const values: InsightValue[] = [];
    for (const entry of body.data ?? []) {
      if (entry.name !== metric) continue;
      for (const point of entry.values ?? []) {
        if (typeof point.value !== 'number' || !point.end_time) continue;
        // A daily value's end_time is the end of the day it counts (midnight of the next day in the
        // page's reporting zone), so the day is the one before end_time's date.
        const day = previousDay(point.end_time.slice(0, 10));
        if (day >= since && day <= until) values.push({ day, value: point.value });
      }
    }
    return values;
  }

  return client;
}

/** The address guard's refusal somewhere in a fetch error's causes, if that is why it failed. */
function refusal(error: unknown): Error | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current instanceof AddressRefusedError) return current;
    if (current instanceof AggregateError) return current.errors.map(refusal).find(Boolean);
  }
  return undefined;
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const shiftDay = (day: string, by: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
const nextDay = (day: string) => shiftDay(day, 1);
const previousDay = (day: string) => shiftDay(day, -1);

/** undici's raw header record as a Fetch `Headers`, which the error and usage readers take. */
function headersOf(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, one);
  }
  return headers;
}
