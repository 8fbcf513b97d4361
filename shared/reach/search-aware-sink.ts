// Keeps an outlet's own feed from storing again an article a news search already stored for it
// (the same link, or the same story within three days): the other direction of the search dedupe,
// so one article is counted once whichever path saw it first.
import type { FeedItem, ItemSink } from '../feeds/poll/ports.ts';
import { hasStoredCopy } from '../store/stored-copy-lookup.ts';
import type { TableContext } from '../store/table-context.ts';

/** Wraps a feed sink so new items already stored through search are left out. */
export function skippingSearchCopies(sink: ItemSink, table: TableContext): ItemSink {
  const newItems = sink.newItems?.bind(sink);
  return {
    ...(newItems ? { newItems } : {}),
    async store(outlet, source, items, firstSeenAt) {
      const fresh = newItems ? await newItems(outlet, source, items) : items;
      const kept: FeedItem[] = [];
      for (const item of fresh) {
        const copy = await hasStoredCopy(table, {
          outletId: outlet.id,
          articleIds: [],
          link: item.link,
          storyKey: item.storyKey,
          published: item.published ?? firstSeenAt,
          searchFoundOnly: true,
        });
        if (!copy) kept.push(item);
      }
      return sink.store(outlet, source, kept, firstSeenAt);
    },
  };
}
