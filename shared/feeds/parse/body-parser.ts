// Decoded body to raw items: format from the content, XML made safe and repaired first, a
// truncated document kept up to its last complete item, and only the newest items kept.
import type { OutletSource } from '#shared/config/outlets.ts';
import { looksLikeChallenge } from '../challenge-page.ts';
import { FeedError } from '../feed-error.ts';
import { keepNewestItems } from '../items/newest-items.ts';
import { parseAtom } from './atom-feed-parser.ts';
import { detectFormat } from './format-detector.ts';
import { parseHtmlListing } from './html-listing-parser.ts';
import { parseJsonFeed } from './json-feed-parser.ts';
import type { ParseContext, RawItem } from './raw-item.ts';
import { parseRssStream } from './rss-feed-parser.ts';
import { assertSafeXml, closeTruncated, repairXml } from './xml-safety.ts';

/** The items kept from a body and how many it carried. */
export interface ParsedBody {
  items: RawItem[];
  total: number;
}

const all = (items: RawItem[]): ParsedBody => ({ items, total: items.length });

function parseXml(
  text: string,
  format: 'rss' | 'rdf' | 'atom',
  ctx: ParseContext,
  maxItems: number,
): ParsedBody {
  const run = (body: string): ParsedBody =>
    format === 'atom' ? all(parseAtom(repairXml(body), ctx)) : parseRssStream(body, ctx, format, maxItems);
  try {
    return run(text);
  } catch (error) {
    if (error instanceof FeedError) throw error;
    const closed = closeTruncated(text, format);
    if (!closed) throw error;
    return run(closed);
  }
}

function parseAny(text: string, source: OutletSource, ctx: ParseContext, maxItems: number): ParsedBody {
  const format = detectFormat(text);
  if (source.type === 'html') {
    if (looksLikeChallenge({}, text.slice(0, 65_536)))
      throw new FeedError('blocked', 'a bot challenge page was served');
    return all(parseHtmlListing(text, source, ctx));
  }
  try {
    switch (format) {
      case 'rss':
      case 'rdf':
      case 'atom':
        assertSafeXml(text);
        return parseXml(text, format, ctx, maxItems);
      case 'json-feed':
        return all(parseJsonFeed(text, ctx));
      case 'html':
        if (looksLikeChallenge({}, text.slice(0, 65_536)))
          throw new FeedError('blocked', 'a bot challenge page was served');
        throw new FeedError('unparseable', 'an HTML page was served where a feed was expected');
      default:
        // A DOCTYPE whose entities push the root element past the sniffed head is still XML, and
        // still refused as unsafe rather than called unknown.
        if (text.trimStart().startsWith('<')) assertSafeXml(text);
        throw new FeedError('unparseable', 'the body is not RSS, Atom, RDF or JSON Feed');
    }
  } catch (error) {
    throw asFeedError(error, format);
  }
}

/** A parse failure as a `FeedError` that says what is wrong with the document, never a library's internals. */
export function asFeedError(error: unknown, format: string): FeedError {
  if (error instanceof FeedError) return error;
  // A parser's own exception (a TypeError deep inside a library) says nothing about the document.
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) {
    return new FeedError('unparseable', `${format}: the document's structure is not one this format allows`, {
      cause: error,
    });
  }
  const message = (error as Error).message?.split('\n')[0] ?? String(error);
  return new FeedError('unparseable', `${format}: ${message}`, { cause: error });
}

/**
 * Parses a decoded body for `source` into its newest `maxItems` items (all by default) and the
 * count it carried; throws `FeedError` (unparseable or blocked) when it cannot.
 */
export async function parseFeedBody(
  text: string,
  source: OutletSource,
  ctx: ParseContext,
  maxItems = Number.POSITIVE_INFINITY,
): Promise<ParsedBody> {
  const parsed = parseAny(text, source, ctx, maxItems);
  if (parsed.items.length <= maxItems) return parsed;
  return { items: keepNewestItems(parsed.items, maxItems, new Date()).items, total: parsed.total };
}

/** Parses a decoded body for `source` into all its items; throws `FeedError` when it cannot. */
export async function parseBody(text: string, source: OutletSource, ctx: ParseContext): Promise<RawItem[]> {
  return (await parseFeedBody(text, source, ctx)).items;
}
