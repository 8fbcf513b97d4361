// RSS 0.9x, 2.0 and RDF (RSS 1.0) through rss-parser's parseString; its fetch is never used.
import Parser from 'rss-parser';
import { FeedError } from '../feed-error.ts';
import { parseDateText } from './date-parser.ts';
import { type ParseContext, type RawItem, stringValue } from './raw-item.ts';
import { htmlToText } from './text-normaliser.ts';
import { canonicalUrl } from './url-canonicalizer.ts';

type RssItem = Record<string, unknown>;

// rss-parser reads `channel[0]` unguarded and fails with a TypeError when there is none, so the
// document's shape is checked first and the reader hears what is wrong with it.
const channelTag = /<(?:[\w.-]+:)?channel[\s/>]/i;

/**
 * The guid as text and whether it is the item's permalink: RSS 2.0 says a guid is a permalink
 * unless isPermaLink="false" (RSS 2.0 specification, §guid).
 */
function guidOf(item: RssItem): { guid?: string; permalink?: string } {
  const element = (item.guidElements as unknown[] | undefined)?.[0];
  const guid = (stringValue(element) ?? stringValue(item.guid))?.trim();
  if (!guid) return {};
  const attrs = (element as { $?: Record<string, string> } | undefined)?.$;
  const isPermaLink = attrs?.isPermaLink ?? attrs?.ispermalink;
  return isPermaLink?.trim().toLowerCase() === 'false' ? { guid } : { guid, permalink: guid };
}

/** Parses RSS or RDF text (already checked by assertSafeXml and repaired). */
export async function parseRss(
  text: string,
  ctx: ParseContext,
  format: 'rss' | 'rdf' = 'rss',
): Promise<RawItem[]> {
  if (!channelTag.test(text)) {
    throw new FeedError(
      'unparseable',
      format === 'rdf'
        ? 'RDF document has no <channel> element (RSS 1.0 requires one)'
        : 'RSS document has no <channel> element inside <rss>',
    );
  }
  // A fresh parser per call: xml2js parsers keep state and are not safe to share across awaits.
  // defaultRSS: 2 reads an <rss> without a version attribute, which many CMSs emit; the raw guid
  // elements are kept so their isPermaLink attribute can be read.
  const parser: Parser<Record<string, unknown>, RssItem> = new Parser({
    defaultRSS: 2,
    customFields: { item: [['guid', 'guidElements', { keepArray: true }]] as never },
  });
  const feed = await parser.parseString(text);
  // Relative item links resolve against the channel link, itself against the feed URL.
  const base = canonicalUrl(stringValue(feed.link), ctx.finalUrl) ?? ctx.finalUrl;
  return (feed.items ?? []).map((item): RawItem => {
    const dateRaw = stringValue(item.pubDate) ?? stringValue(item.date);
    const { guid: rssGuid, permalink } = guidOf(item);
    const guid = rssGuid || stringValue(item['rdf:about'])?.trim();
    const body = stringValue(item['content:encoded']) ?? stringValue(item.content) ?? '';
    return {
      ...(guid ? { guid } : {}),
      // A permalink guid stands in for a missing <link> only when it is an absolute web URL.
      link: canonicalUrl(stringValue(item.link), base) ?? canonicalUrl(permalink),
      // RSS titles are HTML (RSS Best Practices §title): decode once more after XML, strip tags.
      title: htmlToText(stringValue(item.title) ?? ''),
      text: htmlToText(body),
      ...(dateRaw ? { dateRaw, date: parseDateText(dateRaw, ctx.timeZone) } : {}),
    } as RawItem;
  });
}
