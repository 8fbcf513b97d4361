// RSS 0.9x, 2.0 and RDF (RSS 1.0) read with sax as a stream of items: an item is read, judged and
// either kept or dropped before the next one, so a feed of 60,000 items never becomes a tree of
// 60,000 items in memory; only the newest `maxItems` are kept (see items/newest-items.ts).
import sax from 'sax';
import { FeedError } from '../feed-error.ts';
import { keepNewestItems, rankTime } from '../items/newest-items.ts';
import { parseDateText } from './date-parser.ts';
import type { ParseContext, RawItem } from './raw-item.ts';
import { htmlToText } from './text-normaliser.ts';
import { canonicalUrl } from './url-canonicalizer.ts';
import { repairedChunks, repairedStream } from './xml-safety.ts';

/** An item as read, its HTML fields not yet turned into text (only kept items are). */
interface PendingItem extends RawItem {
  titleHtml: string;
  bodyHtml: string;
  linkText?: string;
  permalink?: string;
}

// The item fields read, by qualified name; a later name in a pair wins (title over dc:title).
const fields = new Set([
  'title',
  'dc:title',
  'link',
  'guid',
  'pubDate',
  'dc:date',
  'description',
  'content:encoded',
]);
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Parses RSS or RDF text, given whole or in pieces (already checked by assertSafeXml; repaired here
 * as it is read), into its newest `maxItems` items, in document order, and the number of items it
 * carried. With `keepOnEarlyEnd`, a document that ends before its root closes (a truncated body)
 * keeps the items completed before the end.
 */
export function parseRssStream(
  text: string | Iterable<string>,
  ctx: ParseContext,
  format: 'rss' | 'rdf',
  maxItems = Number.POSITIVE_INFINITY,
  keepOnEarlyEnd = false,
): { items: RawItem[]; total: number } {
  const parser = sax.parser(true, { trim: false, normalize: false });
  const stack: string[] = [];
  let kept: PendingItem[] = [];
  let total = 0;
  let floor: number | undefined; // the rank of the oldest kept item, once the limit has filled
  let sawChannel = false;
  let channelLink: string | undefined;
  let item:
    | { values: Partial<Record<string, string>>; about: string; guidAttrs: Record<string, string> }
    | undefined;
  let field: { name: string; depth: number; value: string; attrs: Record<string, string> } | undefined;
  let failure: Error | undefined;
  const now = new Date();

  const closeItem = () => {
    if (!item) return;
    const v = item.values;
    const dateRaw = v.pubDate?.trim() || v['dc:date']?.trim();
    // RSS 2.0 §guid: a guid is the item's permalink unless isPermaLink="false".
    const rssGuid = v.guid?.trim();
    const guid = rssGuid || item.about.trim();
    const permalink =
      rssGuid && item.guidAttrs.isPermaLink?.trim().toLowerCase() !== 'false' ? rssGuid : undefined;
    const pending: PendingItem = {
      ...(guid ? { guid } : {}),
      link: null,
      ...(v.link?.trim() ? { linkText: v.link } : {}),
      ...(permalink ? { permalink } : {}),
      title: '',
      text: '',
      titleHtml: v.title ?? v['dc:title'] ?? '',
      bodyHtml: v['content:encoded'] ?? v.description ?? '',
      ...(dateRaw ? { dateRaw, date: parseDateText(dateRaw, ctx.timeZone) } : {}),
    };
    total++;
    item = undefined;
    // Once the limit is full, an item no newer than the oldest kept one is dropped at once (it
    // would rank below all of them), so in a feed listed newest first the rest is never held.
    if (floor !== undefined && rankTime(pending, now) <= floor) return;
    kept.push(pending);
    // Compacted at twice the limit, so the work stays O(n log maxItems) and memory O(maxItems).
    if (kept.length >= 2 * maxItems) {
      kept = keepNewestItems(kept, maxItems, now).items;
      floor = Math.min(...kept.map((k) => rankTime(k, now)));
    }
  };

  parser.onopentag = (tag) => {
    const parent = stack[stack.length - 1];
    stack.push(tag.name);
    if (field) {
      // Unescaped HTML inside a description: kept as markup for htmlToText.
      const attrs = Object.entries(tag.attributes)
        .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
        .join('');
      field.value += `<${tag.name}${attrs}>`;
      return;
    }
    const name = local(tag.name);
    if (name === 'channel') sawChannel = true;
    else if (name === 'item' && !item)
      item = { values: {}, about: tag.attributes['rdf:about'] ?? '', guidAttrs: {} };
    else if (item && fields.has(tag.name) && parent !== undefined && local(parent) === 'item')
      field = { name: tag.name, depth: stack.length, value: '', attrs: tag.attributes };
    else if (
      !item &&
      tag.name === 'link' &&
      parent !== undefined &&
      local(parent) === 'channel' &&
      channelLink === undefined
    )
      field = { name: 'channel-link', depth: stack.length, value: '', attrs: {} };
  };
  parser.onclosetag = (name) => {
    if (field && stack.length === field.depth) {
      if (field.name === 'channel-link') channelLink = field.value;
      else if (item) {
        item.values[field.name] = field.value;
        if (field.name === 'guid') item.guidAttrs = field.attrs;
      }
      field = undefined;
    } else if (field) field.value += `</${name}>`;
    else if (item && local(name) === 'item') closeItem();
    stack.pop();
  };
  parser.ontext = (t) => {
    if (field) field.value += t;
  };
  parser.oncdata = (t) => {
    if (field) field.value += t;
  };
  parser.onerror = (error) => {
    failure ??= error;
  };
  let closing = false;
  // Only sax's own errors are caught (through onerror); one thrown by the pieces (a decoder that
  // meets bytes of another charset) goes to the caller unchanged.
  for (const chunk of typeof text === 'string' ? repairedChunks(text) : repairedStream(text)) {
    parser.write(chunk);
    if (failure) break;
  }
  if (!failure) {
    closing = true;
    parser.close();
  }
  const truncated = failure !== undefined && closing && keepOnEarlyEnd && total > 0;
  if (!sawChannel) {
    throw new FeedError(
      'unparseable',
      format === 'rdf'
        ? 'RDF document has no <channel> element (RSS 1.0 requires one)'
        : 'RSS document has no <channel> element inside <rss>',
    );
  }
  if (failure && !truncated) throw new Error(String(failure.message).split('\n')[0]);
  // Relative item links resolve against the channel link, itself against the feed URL.
  const base = canonicalUrl(channelLink, ctx.finalUrl) ?? ctx.finalUrl;
  const items = keepNewestItems(kept, maxItems, now).items.map(
    ({ titleHtml, bodyHtml, linkText, permalink, ...raw }): RawItem => ({
      ...raw,
      // A permalink guid stands in for a missing <link> only when it is an absolute web URL.
      link: canonicalUrl(linkText, base) ?? canonicalUrl(permalink),
      // RSS titles are HTML (RSS Best Practices §title): decode once more after XML, strip tags.
      title: htmlToText(titleHtml),
      text: htmlToText(bodyHtml),
    }),
  );
  return { items, total };
}
