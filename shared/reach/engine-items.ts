// Reads a news-search answer into items that say where each article really is and which outlet
// the engine names. Two engines need decoding beyond RSS:
//   Google News RSS: `<source url="…">Outlet</source>` names the outlet, and the title ends with
//   " - " + that outlet name, which is not part of the title; the link is a news.google.com redirect.
//   Bing News RSS (format=rss): the link is a click-tracking address whose `url` parameter is the
//   article's real address.
// A generic engine is read as plain RSS: the link is the article.
import { parseDateText } from '../feeds/parse/date-parser.ts';
import { htmlToText } from '../feeds/parse/text-normaliser.ts';
import { canonicalUrl } from '../feeds/parse/url-canonicalizer.ts';
import { assertSafeXml, repairXml } from '../feeds/parse/xml-safety.ts';
import { childrenNamed, parseXmlTree, textOf, type XmlElement } from '../feeds/parse/xml-tree.ts';

/** The engines the registry knows. */
export type SearchEngine = 'google-news' | 'bing-news' | 'generic';

/** One search result, decoded. */
export interface EngineItem {
  title: string;
  /** The article's address when the engine gives it, else the engine's own (redirect) link. */
  link: string | null;
  /** The link exactly as the engine gave it. */
  engineLink: string | null;
  /** Whether `link` is still the engine's redirect and worth resolving. */
  needsResolving: boolean;
  snippet: string;
  published: Date | undefined;
  /** The outlet as the engine names it, and its address when the engine gives one. */
  outletName?: string;
  outletUrl?: string;
}

const first = (element: XmlElement, name: string): XmlElement | undefined => childrenNamed(element, name)[0];
const text = (element: XmlElement, name: string): string => {
  const child = first(element, name);
  return child ? textOf(child).trim() : '';
};

/** The article address inside a Bing click link (`…/apiclick.aspx?…&url=<encoded>`), if any. */
export function decodeBingLink(link: string): string | null {
  try {
    const target = new URL(link).searchParams.get('url');
    return target ? canonicalUrl(target) : null;
  } catch {
    return null;
  }
}

/** The title without Google's trailing " - Outlet name". */
export function stripOutletSuffix(title: string, outletName: string | undefined): string {
  if (!outletName) return title;
  const suffix = ` - ${outletName}`;
  return title.endsWith(suffix) ? title.slice(0, -suffix.length).trim() : title;
}

/** Whether Google's description is only the title followed by the outlet name. */
function repeatsTitle(description: string, title: string, outletName: string | undefined): boolean {
  if (!description.startsWith(title)) return false;
  const rest = description.slice(title.length).trim();
  return rest === '' || rest === outletName;
}

/** Parses an engine's RSS answer; throws on text that is not XML. */
export function parseEngineItems(xml: string, engine: SearchEngine, finalUrl: string): EngineItem[] {
  assertSafeXml(xml);
  const root = parseXmlTree(repairXml(xml), finalUrl);
  const channel = first(first(root, 'rss') ?? root, 'channel');
  if (!channel) throw new Error('not an RSS document: no <channel>');
  return childrenNamed(channel, 'item').map((item) => {
    const engineLink = canonicalUrl(text(item, 'link'), finalUrl);
    const description = htmlToText(text(item, 'description'));
    const dateText = text(item, 'pubDate');
    const published = dateText ? parseDateText(dateText) : undefined;
    if (engine === 'google-news') {
      const source = first(item, 'source');
      const outletName = source ? textOf(source).trim() || undefined : undefined;
      const outletUrl = source?.attrs.url ? (canonicalUrl(source.attrs.url) ?? undefined) : undefined;
      const title = stripOutletSuffix(htmlToText(text(item, 'title')), outletName);
      return {
        title,
        link: engineLink,
        engineLink,
        needsResolving: true,
        // Google's description repeats the title and the outlet name; it is no snippet of the article.
        snippet: repeatsTitle(description, title, outletName) ? '' : description,
        published,
        ...(outletName ? { outletName } : {}),
        ...(outletUrl ? { outletUrl } : {}),
      };
    }
    const decoded = engine === 'bing-news' && engineLink ? decodeBingLink(engineLink) : null;
    const outletName = text(item, 'Source') || undefined;
    return {
      title: htmlToText(text(item, 'title')),
      link: decoded ?? engineLink,
      engineLink,
      // A generic engine's link is the article; a Bing link without `url` is still a redirect.
      needsResolving: engine === 'bing-news' && !decoded,
      snippet: description,
      published,
      ...(outletName ? { outletName } : {}),
    };
  });
}
