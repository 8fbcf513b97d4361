// RSS 0.9x, 2.0 and RDF (RSS 1.0) through rss-parser's parseString; its fetch is never used.
import Parser from 'rss-parser';
import { parseDateText } from './date-parser.ts';
import { type ParseContext, type RawItem, stringValue } from './raw-item.ts';
import { htmlToText } from './text-normaliser.ts';
import { canonicalUrl } from './url-canonicalizer.ts';

type RssItem = Record<string, unknown>;

/** Parses RSS or RDF text (already checked by assertSafeXml and repaired). */
export async function parseRss(text: string, ctx: ParseContext): Promise<RawItem[]> {
  // A fresh parser per call: xml2js parsers keep state and are not safe to share across awaits.
  // defaultRSS: 2 reads an <rss> without a version attribute, which many CMSs emit.
  const parser: Parser<Record<string, unknown>, RssItem> = new Parser({ defaultRSS: 2 });
  const feed = await parser.parseString(text);
  // Relative item links resolve against the channel link, itself against the feed URL.
  const base = canonicalUrl(stringValue(feed.link), ctx.finalUrl) ?? ctx.finalUrl;
  return (feed.items ?? []).map((item): RawItem => {
    const dateRaw = stringValue(item.pubDate) ?? stringValue(item.date);
    const guid = stringValue(item.guid)?.trim() || stringValue(item['rdf:about'])?.trim();
    const body = stringValue(item['content:encoded']) ?? stringValue(item.content) ?? '';
    return {
      ...(guid ? { guid } : {}),
      link: canonicalUrl(stringValue(item.link), base),
      // RSS titles are HTML (RSS Best Practices §title): decode once more after XML, strip tags.
      title: htmlToText(stringValue(item.title) ?? ''),
      text: htmlToText(body),
      ...(dateRaw ? { dateRaw, date: parseDateText(dateRaw, ctx.timeZone) } : {}),
    } as RawItem;
  });
}
