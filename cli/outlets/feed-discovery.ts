// Finds the feeds a site offers: those its homepage advertises with <link rel="alternate"> (the
// RSS autodiscovery convention, Atom's RFC 4287 §7.1 media type, JSON Feed 1.1 "Discovery"), and
// only when none is advertised the usual paths. Each candidate counts only when it parses as a feed.
import { load } from 'cheerio/slim';
import type { Agent } from 'undici';
import type { FeedSource } from '#shared/config/outlets.ts';
import { FeedError } from '#shared/feeds/feed-error.ts';
import type { OriginLimiter } from '#shared/feeds/fetch/origin-limiter.ts';
import { fetchWithRetries } from '#shared/feeds/fetch/retrying-fetch.ts';
import { parseBody } from '#shared/feeds/parse/body-parser.ts';
import { decodeBody } from '#shared/feeds/parse/charset-decoder.ts';
import { readFeedMetadata } from './feed-metadata.ts';

/** Paths tried when a homepage advertises no feed, most common first. */
export const usualFeedPaths = [
  '/rss',
  '/feed',
  '/rss.xml',
  '/atom.xml',
  '/feed.xml',
  '/index.xml',
  '/feed.json',
];

const feedTypes = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml',
]);

/** The guarded HTTP machinery a discovery runs on. */
export interface DiscoveryContext {
  agent: Agent;
  limiter: OriginLimiter;
  userAgent: string;
}

/** One candidate feed and what validating it showed. */
export interface FeedCandidate {
  url: string;
  how: 'advertised' | 'usual-path';
  ok: boolean;
  finalUrl?: string;
  items?: number;
  title?: string;
  language?: string;
  error?: string;
}

/** What discovery found for one homepage. */
export interface SiteDiscovery {
  homepage: string;
  finalUrl?: string;
  siteName?: string;
  pageLanguage?: string;
  candidates: FeedCandidate[];
  error?: string;
}

async function fetchText(url: string, ctx: DiscoveryContext): Promise<{ text: string; finalUrl: string }> {
  const fetched = await fetchWithRetries(
    {
      url,
      agent: ctx.agent,
      userAgent: ctx.userAgent,
      perHop: ctx.limiter.run,
      maxBytes: 5 * 1024 * 1024,
      timeoutMs: 15_000,
    },
    { deadlineMs: 20_000, maxRetries: 1 },
  );
  if (fetched.status !== 'ok')
    throw new FeedError('http-status', `answered ${fetched.status} to a plain GET`);
  return {
    text: decodeBody(Buffer.concat(fetched.chunks), fetched.contentType).text,
    finalUrl: fetched.finalUrl,
  };
}

/** The feed links a page advertises, absolute, in page order, without repeats. */
export function advertisedFeeds(html: string, pageUrl: string): string[] {
  const $ = load(html);
  const base = new URL($('base[href]').attr('href') ?? pageUrl, pageUrl);
  const urls = $('link[rel][href]')
    .toArray()
    .filter((el) => {
      const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
      const type = ($(el).attr('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
      return rel.includes('alternate') && feedTypes.has(type);
    })
    .flatMap((el) => {
      try {
        const url = new URL($(el).attr('href') ?? '', base);
        return /^https?:$/.test(url.protocol) ? [url.href] : [];
      } catch {
        return [];
      }
    });
  return [...new Set(urls)];
}

async function validate(
  url: string,
  how: FeedCandidate['how'],
  ctx: DiscoveryContext,
): Promise<FeedCandidate> {
  try {
    const { text, finalUrl } = await fetchText(url, ctx);
    const source = { type: 'feed', url, timeZone: 'UTC', enabled: true, sourceId: 'discover' } as FeedSource;
    const items = await parseBody(text, source, { finalUrl, timeZone: 'UTC' });
    return {
      url,
      how,
      ok: true,
      items: items.length,
      ...(finalUrl !== url ? { finalUrl } : {}),
      ...readFeedMetadata(text),
    };
  } catch (error) {
    const kind = error instanceof FeedError ? `${error.kind}: ` : '';
    return { url, how, ok: false, error: `${kind}${(error as Error).message}` };
  }
}

/** Discovers and validates the feeds of one homepage; never throws for the site's own failures. */
export async function discoverFeeds(homepage: string, ctx: DiscoveryContext): Promise<SiteDiscovery> {
  let page: { text: string; finalUrl: string };
  try {
    page = await fetchText(homepage, ctx);
  } catch (error) {
    const kind = error instanceof FeedError ? `${error.kind}: ` : '';
    return { homepage, candidates: [], error: `${kind}${(error as Error).message}` };
  }
  const $ = load(page.text);
  const siteName = ($('meta[property="og:site_name"]').attr('content') ?? $('title').first().text()).trim();
  const pageLanguage = $('html').attr('lang');
  const advertised = advertisedFeeds(page.text, page.finalUrl);
  const candidates =
    advertised.length > 0
      ? await Promise.all(advertised.map((url) => validate(url, 'advertised', ctx)))
      : await Promise.all(
          usualFeedPaths.map((path) => validate(new URL(path, page.finalUrl).href, 'usual-path', ctx)),
        );
  return {
    homepage,
    finalUrl: page.finalUrl,
    ...(siteName ? { siteName } : {}),
    ...(pageLanguage ? { pageLanguage } : {}),
    candidates,
  };
}
