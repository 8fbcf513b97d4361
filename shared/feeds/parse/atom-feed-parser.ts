// Atom (RFC 4287) read from a sax tree, because generic feed parsers ignore xml:base, take the first link
// when none is rel="alternate", return xhtml titles as objects and throw on one bad date.
import { parseDateText } from './date-parser.ts';
import type { ParseContext, RawItem } from './raw-item.ts';
import { collapseWhitespace, htmlToText } from './text-normaliser.ts';
import { canonicalUrl } from './url-canonicalizer.ts';
import { childrenNamed, parseXmlTree, textOf, type XmlElement } from './xml-tree.ts';

/** Plain text of an Atom text construct (RFC 4287 §3.1) by its type. */
export function atomText(element: XmlElement | undefined): string {
  if (!element) return '';
  const type = element.attrs.type ?? 'text';
  if (type === 'xhtml') {
    const div = childrenNamed(element, 'div')[0];
    return collapseWhitespace(textOf(div ?? element));
  }
  if (type === 'html' || type === 'text/html') return htmlToText(textOf(element));
  return collapseWhitespace(textOf(element)); // type="text": already plain, never decoded again
}

// RFC 4287 §4.2.7.2: a link without rel is rel="alternate"; prefer an HTML alternate.
function alternateLink(entry: XmlElement): string | null {
  const alternates = childrenNamed(entry, 'link').filter((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
  const chosen = alternates.find((l) => !l.attrs.type || /html/.test(l.attrs.type)) ?? alternates[0];
  return chosen ? canonicalUrl(chosen.attrs.href, chosen.base) : null;
}

/** Parses Atom text (already checked by assertSafeXml and repaired). */
export function parseAtom(text: string, ctx: ParseContext): RawItem[] {
  const root = parseXmlTree(text, ctx.finalUrl);
  const feed = childrenNamed(root, 'feed')[0];
  if (!feed) throw new Error('no <feed> root element');
  return childrenNamed(feed, 'entry').map((entry): RawItem => {
    const first = (name: string) => childrenNamed(entry, name)[0];
    const id = collapseWhitespace(textOf(first('id') ?? entry));
    const dateElement = first('published') ?? first('updated');
    const dateRaw = dateElement ? collapseWhitespace(textOf(dateElement)) : undefined;
    return {
      ...(first('id') && id ? { guid: id } : {}),
      link: alternateLink(entry),
      title: atomText(first('title')),
      text: atomText(first('content') ?? first('summary')),
      // One unreadable date costs only that entry its date, never the feed.
      ...(dateRaw ? { dateRaw, date: parseDateText(dateRaw, ctx.timeZone) } : {}),
    };
  });
}
