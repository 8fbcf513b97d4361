// Turns a stored mention item back into a Mention: the keys and search field stay inside the store.
import type { Mention } from '../domain/mention.ts';

/** The Mention held by a table item, without its keys, index keys, search text or inline history. */
export function mentionFromItem(item: Record<string, unknown>): Mention {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, type, searchText, history, ...mention } =
    item;
  return mention as unknown as Mention;
}

/** How many reviews a mention item has in history items of their own. */
export function reviewCountOf(item: Record<string, unknown>): number {
  return typeof item.reviewCount === 'number' ? item.reviewCount : 0;
}
