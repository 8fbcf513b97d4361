// Decoded body to raw items: format from the content, XML made safe and repaired first, and a
// truncated document kept up to its last complete item.
import type { OutletSource } from '#shared/config/outlets.ts';
import { looksLikeChallenge } from '../challenge-page.ts';
import { FeedError } from '../feed-error.ts';
import { parseAtom } from './atom-feed-parser.ts';
import { detectFormat } from './format-detector.ts';
import { parseHtmlListing } from './html-listing-parser.ts';
import { parseJsonFeed } from './json-feed-parser.ts';
import type { ParseContext, RawItem } from './raw-item.ts';
import { parseRss } from './rss-feed-parser.ts';
import { assertSafeXml, closeTruncated, repairXml } from './xml-safety.ts';

async function parseXml(text: string, format: 'rss' | 'rdf' | 'atom', ctx: ParseContext): Promise<RawItem[]> {
  const run = (body: string) =>
    format === 'atom' ? Promise.resolve(parseAtom(body, ctx)) : parseRss(body, ctx, format);
  try {
    return await run(text);
  } catch (error) {
    const closed = closeTruncated(text, format);
    if (!closed) throw error;
    return await run(closed);
  }
}

/** Parses a decoded body for `source`; throws `FeedError` (unparseable or blocked) when it cannot. */
export async function parseBody(text: string, source: OutletSource, ctx: ParseContext): Promise<RawItem[]> {
  const format = detectFormat(text);
  if (source.type === 'html') {
    if (looksLikeChallenge({}, text.slice(0, 65_536)))
      throw new FeedError('blocked', 'a bot challenge page was served');
    return parseHtmlListing(text, source, ctx);
  }
  try {
    switch (format) {
      case 'rss':
      case 'rdf':
      case 'atom':
        assertSafeXml(text);
        return await parseXml(repairXml(text), format, ctx);
      case 'json-feed':
        return parseJsonFeed(text, ctx);
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
    if (error instanceof FeedError) throw error;
    // A parser's own exception (a TypeError deep inside a library) says nothing about the document.
    if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) {
      throw new FeedError(
        'unparseable',
        `${format}: the document's structure is not one this format allows`,
        {
          cause: error,
        },
      );
    }
    const message = (error as Error).message?.split('\n')[0] ?? String(error);
    throw new FeedError('unparseable', `${format}: ${message}`, { cause: error });
  }
}
