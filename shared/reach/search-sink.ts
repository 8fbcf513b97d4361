// The SearchSink of a real poll: each new search result becomes a mention (the matcher confirmed a
// name) or a lead (it did not), unless its outlet already holds the article or story; outlets nobody
// registered are recorded as discovered, and nothing new is stored for one marked not press.
import pLimit from 'p-limit';
import type { OutletRegistry } from '../config/outlets.ts';
import type { DiscoveredOutlet } from '../domain/discovered-outlet.ts';
import type { Article } from '../domain/mention.ts';
import { articleIdOf } from '../ingest/article-id.ts';
import { recordArticle } from '../store/article-writes.ts';
import { getDiscoveredOutlet, touchDiscoveredOutlet } from '../store/discovered-outlet-store.ts';
import { putLead } from '../store/lead-store.ts';
import { hasStoredCopy } from '../store/stored-copy-lookup.ts';
import type { TableContext } from '../store/table-context.ts';
import type { SearchSink } from './poll-searches.ts';
import { type SearchResult, searchResultId } from './search-result.ts';

/** Builds the sink that stores search results as mentions, leads and discovered outlets. */
export function searchSink(table: TableContext, registry: Pick<OutletRegistry, 'outlets'>): SearchSink {
  const editions = new Map(
    registry.outlets.map((outlet) => [
      outlet.id,
      [...new Set(['', ...outlet.sources.flatMap((source) => (source.language ? [source.language] : []))])],
    ]),
  );
  return {
    async store(results, firstSeenAt) {
      let written = 0;
      let leads = 0;
      const known = new Map<string, Promise<DiscoveredOutlet | undefined>>();
      const limit = pLimit(4);
      await Promise.all(
        results.map((result) =>
          limit(async () => {
            if (!result.registered) {
              if (!known.has(result.outlet))
                known.set(result.outlet, getDiscoveredOutlet(table, result.outlet));
              if ((await known.get(result.outlet))?.notPress) {
                await touch(table, result, firstSeenAt, 0);
                return;
              }
            }
            const outcome = await storeOne(table, result, firstSeenAt, editions.get(result.outletId) ?? ['']);
            if (outcome === 'mention') written++;
            if (outcome === 'lead') leads++;
            if (!result.registered)
              await touch(table, result, firstSeenAt, outcome === 'mention' ? result.mentions.length : 0);
          }),
        ),
      );
      return { written, leads };
    },
  };
}

async function storeOne(
  table: TableContext,
  result: SearchResult,
  firstSeenAt: string,
  editions: string[],
): Promise<'mention' | 'lead' | 'duplicate'> {
  const id = searchResultId(result);
  const published = result.published ?? firstSeenAt;
  const copy = await hasStoredCopy(table, {
    outletId: result.outletId,
    articleIds:
      result.link && result.registered
        ? editions.map((edition) => articleIdOf(result.outletId, result.link as string, edition))
        : [],
    link: result.link,
    storyKey: result.storyKey,
    published,
  });
  if (copy) return 'duplicate';
  if (result.members.length > 0) {
    const outcome = await recordArticle(table, searchArticle(result, id, firstSeenAt), result.mentions);
    return outcome === 'written' ? 'mention' : 'duplicate';
  }
  const outcome = await putLead(table, {
    leadId: id,
    status: 'open',
    memberId: result.query.subjectId,
    reason: 'unconfirmed',
    title: result.title,
    snippet: result.snippet,
    url: result.link,
    engineLink: result.engineLink,
    outlet: result.outlet,
    outletId: result.outletId,
    outletName: result.outletName,
    language: result.language,
    published,
    firstSeenAt,
    searchId: result.searchId,
    query: result.query.query,
    storyKey: result.storyKey,
  });
  return outcome === 'written' ? 'lead' : 'duplicate';
}

/** The article of a search result, marked as found through search. */
export function searchArticle(
  result: Pick<
    SearchResult,
    'outletId' | 'outletName' | 'link' | 'title' | 'language' | 'published' | 'storyKey'
  >,
  articleId: string,
  firstSeenAt: string,
): Article {
  return {
    articleId,
    outletId: result.outletId,
    outletName: result.outletName,
    url: result.link,
    title: result.title,
    language: result.language,
    published: result.published ?? firstSeenAt,
    ...(result.published ? {} : { publishedFlag: 'missing' as const }),
    firstSeenAt,
    storyKey: result.storyKey,
    foundThrough: 'search',
  };
}

function touch(table: TableContext, result: SearchResult, seenAt: string, mentions: number) {
  return touchDiscoveredOutlet(table, { domain: result.outlet, name: result.outletName, seenAt, mentions });
}
