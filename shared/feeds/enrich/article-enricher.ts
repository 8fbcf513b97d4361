// Fills the text of teaser-only items from their article pages, for outlets that ask for it: only
// items not stored yet, at most a few per source, and never past the source's budget.
import type { Agent } from 'undici';
import type { Outlet, OutletSource } from '#shared/config/outlets.ts';
import { fetchSource } from '../fetch/http-fetcher.ts';
import type { SourceClock } from '../fetch/source-clock.ts';
import { decodeBody } from '../parse/charset-decoder.ts';
import type { FeedItem, ItemSink } from '../poll/ports.ts';
import { extractArticleText } from './article-text.ts';

/** What enriching one source's items needs. */
export interface EnrichRequest {
  outlet: Outlet;
  source: OutletSource;
  agent: Agent;
  /** The source's budget: pages share its origin slots and its own time, never its waits. */
  clock: SourceClock;
  userAgent: string;
  sink: Pick<ItemSink, 'newItems'>;
  /** Pages fetched at most. @default 10 */
  maxArticles?: number;
  maxBytes?: number;
  /** Time of one page fetch's own requests, cut to what is left of the budget. @default 30_000 */
  timeoutMs?: number;
}

// A teaser shorter than this is worth replacing with the page's text.
const teaserLength = 280;

async function unstored(items: FeedItem[], req: EnrichRequest): Promise<FeedItem[]> {
  if (!req.sink.newItems) return items;
  try {
    const fresh = new Set((await req.sink.newItems(req.outlet, req.source, items)).map((i) => i.identity));
    return items.filter((i) => fresh.has(i.identity));
  } catch {
    // Unknown is treated as new: fetching a page twice is cheaper than storing an article that
    // keeps only its teaser, in which a name would be missed for good.
    return items;
  }
}

/** Replaces the teaser text of new items with the main text of their pages, in place. */
export async function enrichWithArticleText(items: FeedItem[], req: EnrichRequest): Promise<void> {
  const teasers = items.filter((i) => i.link && i.text.length < teaserLength);
  if (teasers.length === 0) return;
  const candidates = (await unstored(teasers, req)).slice(0, req.maxArticles ?? 10);
  await Promise.all(
    candidates.map(async (item) => {
      if (req.clock.remainingMs() <= 0) return;
      try {
        // The page's timer starts when it holds its origin slot; a page still in line when the
        // run ends is given up (SlotWaitAbortedError) and its item keeps the teaser.
        const page = await fetchSource({
          url: item.link as string,
          agent: req.agent,
          userAgent: req.userAgent,
          perHop: req.clock.hop,
          remainingMs: req.clock.remainingMs,
          timeoutMs: req.timeoutMs ?? 30_000,
          ...(req.maxBytes ? { maxBytes: req.maxBytes } : {}),
        });
        if (page.status !== 'ok') return;
        const text = extractArticleText(decodeBody(Buffer.concat(page.chunks), page.contentType).text);
        if (text.length > item.text.length) item.text = text;
      } catch {
        // An unreachable article keeps its teaser; the feed itself was fine.
      }
    }),
  );
}
