// Follows a search engine's redirect link to the article with the guarded fetcher, and reads the
// article's text on the way, within what is left of the search source's deadline. A link that does
// not resolve (an error, a JavaScript page, the deadline) keeps the engine's link.
import type { Agent } from 'undici';
import { extractArticleText } from '../feeds/enrich/article-text.ts';
import { fetchSource } from '../feeds/fetch/http-fetcher.ts';
import type { OriginLimiter } from '../feeds/fetch/origin-limiter.ts';
import { decodeBody } from '../feeds/parse/charset-decoder.ts';
import { canonicalUrl } from '../feeds/parse/url-canonicalizer.ts';
import { registrableDomain } from './outlet-attribution.ts';

/** What resolving needs from the poll. */
export interface ResolveContext {
  agent: Agent;
  limiter: OriginLimiter;
  userAgent: string;
  /** Epoch milliseconds by which the source's work must end. */
  deadline: number;
  /** @default 2 MiB: an article page, not a feed. */
  maxBytes?: number;
  /** @default 15_000 */
  timeoutMs?: number;
}

/** A resolved link: the article's canonical address and its main text. */
export interface ResolvedLink {
  url: string;
  text: string;
}

/**
 * Fetches `link` following redirects; undefined when it failed or stayed on the engine that gave
 * `engineLink` (Bing's decoded links are fetched too, for their text, and never stay on Bing).
 */
export async function resolveLink(
  link: string,
  engineLink: string,
  ctx: ResolveContext,
): Promise<ResolvedLink | undefined> {
  const remaining = ctx.deadline - Date.now();
  if (remaining <= 500) return undefined;
  try {
    const result = await fetchSource({
      url: link,
      agent: ctx.agent,
      userAgent: ctx.userAgent,
      perHop: ctx.limiter.run,
      maxBytes: ctx.maxBytes ?? 2 * 1024 * 1024,
      timeoutMs: Math.min(ctx.timeoutMs ?? 15_000, remaining),
    });
    if (result.status !== 'ok') return undefined;
    const url = canonicalUrl(result.finalUrl);
    if (!url) return undefined;
    // An engine that answers with its own page (a consent wall, a script redirect) gave no article.
    const engineDomain = registrableDomain(engineLink);
    if (engineDomain && engineDomain === registrableDomain(url)) return undefined;
    const { text } = decodeBody(Buffer.concat(result.chunks), result.contentType);
    return { url, text: /html/i.test(result.contentType) ? extractArticleText(text) : '' };
  } catch {
    return undefined;
  }
}
