// From parsed items to stored ones: identity, one item per identity, dates judged, story keys.
import { createHash } from 'node:crypto';
import { assessDate } from '../parse/date-parser.ts';
import type { RawItem } from '../parse/raw-item.ts';
import type { FeedItem } from '../poll/ports.ts';
import { storyKey } from './story-key.ts';

/**
 * Whether a feed's guids can be trusted: not when one guid is given to items with different links
 * (qafqazinfo.az puts the same guid on every item; miniflux applies the same rule).
 */
export function guidsTrusted(items: readonly RawItem[]): boolean {
  const linkOf = new Map<string, string | null>();
  for (const item of items) {
    if (!item.guid) continue;
    const seen = linkOf.get(item.guid);
    if (seen === undefined) linkOf.set(item.guid, item.link);
    else if (seen !== item.link) return false;
  }
  return true;
}

/** The identity of an item: guid if trusted, else canonical link, else a hash of title and text. */
export function itemIdentity(item: RawItem, trustGuids: boolean): string {
  if (trustGuids && item.guid) return item.guid;
  if (item.link) return item.link;
  return `sha256:${createHash('sha256').update(`${item.title}\n${item.text}`).digest('hex')}`;
}

/** Normalises a feed's items, keeping the first occurrence of each identity. */
export function normaliseItems(
  raw: readonly RawItem[],
  options: { now: Date; language?: string },
): FeedItem[] {
  const trust = guidsTrusted(raw);
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const item of raw) {
    if (!item.title && !item.text && !item.link) continue;
    const identity = itemIdentity(item, trust);
    if (seen.has(identity)) continue;
    seen.add(identity);
    const date = assessDate(item.dateRaw, item.date, options.now);
    items.push({
      identity,
      title: item.title,
      link: item.link,
      text: item.text,
      published: date.published,
      ...(date.dateFlag ? { dateFlag: date.dateFlag } : {}),
      ...(options.language ? { language: options.language } : {}),
      storyKey: storyKey(item.title, item.text),
    });
  }
  return items;
}
