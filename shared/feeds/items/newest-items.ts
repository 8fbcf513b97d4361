// Bounds what one feed hands on: a feed of 60,000 items (an archive dumped into the feed) would
// otherwise be normalised, matched and checked against storage item by item on every poll.
import type { RawItem } from '../parse/raw-item.ts';

/** How many items of a feed are kept when the registry says nothing. @default 500 */
export const defaultMaxItemsPerFeed = 500;

/** The time an item ranks by: its date, or minus infinity when it has none usable (none, or more than a day ahead). */
export function rankTime(item: RawItem, now: Date): number {
  const t = item.date?.getTime();
  return t === undefined || Number.isNaN(t) || t > now.getTime() + 24 * 3600_000
    ? Number.NEGATIVE_INFINITY
    : t;
}

/**
 * The newest `max` items in document order, and how many were cut. Items are ranked by date; an
 * item without a usable date (none, or more than a day ahead) ranks below every dated one and,
 * among its kind, by its place in the document, since feeds list their newest items first.
 */
export function keepNewestItems<T extends RawItem>(
  raw: T[],
  max: number,
  now: Date,
): { items: T[]; cut: number } {
  if (raw.length <= max) return { items: raw, cut: 0 };
  const time = (item: RawItem) => rankTime(item, now);
  // Sorting indices keeps one array of numbers beside the items instead of a second copy of them.
  const order = raw.map((_, i) => i);
  order.sort((a, b) => time(raw[b] as T) - time(raw[a] as T) || a - b);
  const kept = order.slice(0, max).sort((a, b) => a - b);
  return { items: kept.map((i) => raw[i] as T), cut: raw.length - max };
}
