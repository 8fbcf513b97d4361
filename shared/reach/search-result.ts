// Turns one decoded engine item into a search result: the outlet it is attributed to, its canonical
// link, and the roster members the matcher confirms in its title, snippet and article text.
import { createHash } from 'node:crypto';
import { storyKey } from '../feeds/items/story-key.ts';
import { mentionsFromHits } from '../ingest/mentions-from-hits.ts';
import type { Matcher } from '../matching/index.ts';
import type { NewMention } from '../store/article-writes.ts';
import type { EngineItem } from './engine-items.ts';
import type { ResolvedLink } from './link-resolver.ts';
import type { OutletAttributor } from './outlet-attribution.ts';
import type { SearchQuery } from './search-queries.ts';

/** A search item ready to be stored as a mention or a lead. */
export interface SearchResult {
  title: string;
  /** The article's canonical address, or the engine's link when it could not be resolved. */
  link: string | null;
  engineLink: string | null;
  resolved: boolean;
  snippet: string;
  published: string | null;
  language: string;
  /** The registrable domain the item is attributed to. */
  outlet: string;
  /** The registered outlet's id, or the domain for an outlet nobody registered. */
  outletId: string;
  outletName: string;
  registered: boolean;
  /** Roster ids the matcher confirmed; empty for a lead. */
  members: string[];
  mentions: NewMention[];
  storyKey: string;
  /** The search source and query that found it. */
  searchId: string;
  query: SearchQuery;
}

/** Builds the result, or undefined when no outlet can be told (no domain in any of its addresses). */
export function toSearchResult(
  item: EngineItem,
  resolved: ResolvedLink | undefined,
  query: SearchQuery,
  searchId: string,
  deps: { attributor: OutletAttributor; matcher: Matcher },
): SearchResult | undefined {
  const link = resolved?.url ?? item.link;
  // The article's own address names its outlet best; the engine's <source> stands in for it.
  const attribution =
    (!resolved && item.needsResolving ? undefined : deps.attributor.attribute(link)) ??
    deps.attributor.attribute(item.outletUrl);
  if (!attribution) return undefined;
  const lang = query.language;
  const body = [item.snippet, resolved?.text ?? ''].filter(Boolean).join('\n\n');
  const mentions = mentionsFromHits({
    title: deps.matcher.match(item.title, { lang }),
    text: deps.matcher.match(body, { lang }),
  });
  return {
    title: item.title,
    link,
    engineLink: item.engineLink,
    resolved: Boolean(resolved),
    snippet: item.snippet,
    published: item.published?.toISOString() ?? null,
    language: lang,
    outlet: attribution.domain,
    outletId: attribution.kind === 'registered' ? attribution.outlet.id : attribution.domain,
    outletName:
      attribution.kind === 'registered' ? attribution.outlet.name : (item.outletName ?? attribution.domain),
    registered: attribution.kind === 'registered',
    members: mentions.map((m) => m.entityId),
    mentions,
    storyKey: storyKey(item.title, item.snippet),
    searchId,
    query,
  };
}

/** A stable id for a search result at its outlet: its link, else its title and date. */
export function searchResultId(
  result: Pick<SearchResult, 'outletId' | 'link' | 'title' | 'published'>,
): string {
  const identity = result.link ?? `${result.title}\n${result.published ?? ''}`;
  return createHash('sha256').update(`${result.outletId}\nsearch\n${identity}`).digest('hex').slice(0, 32);
}
