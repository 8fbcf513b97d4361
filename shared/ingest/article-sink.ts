// The ItemSink of a real poll: skips items already stored, matches names in the new ones, and writes
// each article with its mentions and counters in one transaction.
import pLimit from 'p-limit';
import type { Outlet, OutletSource } from '../config/outlets.ts';
import type { Article } from '../domain/mention.ts';
import type { FeedItem, ItemSink } from '../feeds/poll/ports.ts';
import type { Matcher } from '../matching/index.ts';
import { recordArticle } from '../store/article-writes.ts';
import { batchGetItems } from '../store/batch-get.ts';
import { articleKey } from '../store/keys.ts';
import type { TableContext } from '../store/table-context.ts';
import { articleIdOf } from './article-id.ts';
import { mentionsFromHits } from './mentions-from-hits.ts';
import { storeNamesakeLeads } from './namesake-leads.ts';

/** Transactions in flight per source: enough to hide latency, few enough to rarely meet on a counter. */
const writesInFlight = 4;

/** Builds the sink that stores new articles and their mentions. */
export function articleSink(table: TableContext, matcher: Matcher): ItemSink {
  return {
    newItems: (outlet, source, items) => unseen(table, outlet, source, items),
    async store(outlet, source, items, firstSeenAt) {
      const fresh = await unseen(table, outlet, source, items);
      const limit = pLimit(writesInFlight);
      const outcomes = await Promise.all(
        fresh.map((item) =>
          limit(() => {
            const article = toArticle(outlet, source, item, firstSeenAt);
            const lang = hintLanguage(article.language);
            const title = matcher.matchWithLeads(item.title, { lang });
            const text = matcher.matchWithLeads(item.text, { lang });
            const mentions = mentionsFromHits({ title: title.mentions, text: text.mentions });
            return recordArticle(table, article, mentions).then(async (outcome) => {
              // After the article: a retried poll finds it stored and writes neither twice (a crash
              // between the two loses the lead, never a count).
              if (outcome === 'written' && title.leads.length + text.leads.length > 0) {
                const mentioned = new Set(mentions.map((mention) => mention.entityId));
                await storeNamesakeLeads(table, article, { title: title.leads, text: text.leads }, mentioned);
              }
              return { outcome, mentions: mentions.length };
            });
          }),
        ),
      );
      const written = outcomes.filter(({ outcome }) => outcome === 'written');
      return { written: written.length, mentions: written.reduce((sum, { mentions }) => sum + mentions, 0) };
    },
  };
}

function toArticle(outlet: Outlet, source: OutletSource, item: FeedItem, firstSeenAt: string): Article {
  return {
    articleId: articleIdOf(outlet.id, item.identity, source.language),
    outletId: outlet.id,
    outletName: outlet.name,
    sourceId: source.sourceId,
    url: item.link,
    title: item.title,
    language: item.language ?? source.language ?? outlet.languages?.[0] ?? 'und',
    published: item.published ?? firstSeenAt,
    ...(item.published ? {} : { publishedFlag: item.dateFlag ?? 'missing' }),
    firstSeenAt,
    storyKey: item.storyKey,
  };
}

/** Items whose article is not stored yet: one batched read per 100 items instead of a failed write each. */
async function unseen(
  table: TableContext,
  outlet: Outlet,
  source: OutletSource,
  items: FeedItem[],
): Promise<FeedItem[]> {
  const keyOf = (item: FeedItem) => articleKey(articleIdOf(outlet.id, item.identity, source.language));
  const stored = new Set(
    (await batchGetItems(table, items.map(keyOf), { expression: 'PK' })).map((item) => String(item.PK)),
  );
  return items.filter((item) => !stored.has(keyOf(item).PK));
}

function hintLanguage(language: string): 'en' | 'az' | 'ru' | undefined {
  return language === 'en' || language === 'az' || language === 'ru' ? language : undefined;
}
