// Makes untrusted XML safe and parseable before any parser sees it: entity expansion never happens
// (billion laughs, external entities: OWASP XXE cheat sheet), and everyday breakage is repaired.
import { load } from 'cheerio/slim';
import { FeedError } from '../feed-error.ts';

/**
 * Rejects a DOCTYPE with an internal subset, any ENTITY declaration and any SYSTEM identifier; a
 * DOCTYPE that only names a public DTD (RSS 0.91's Netscape DTD) is harmless, since no DTD is read.
 */
export function assertSafeXml(text: string): void {
  const doctype = /<!DOCTYPE\b([^>[]*)(\[)?/i.exec(text);
  if (/<!ENTITY\b/i.test(text))
    throw new FeedError('unparseable', 'XML declares entities; refused (no entity expansion)');
  if (!doctype) return;
  if (doctype[2]) throw new FeedError('unparseable', 'XML DOCTYPE has an internal subset; refused');
  if (/\bSYSTEM\b/i.test(doctype[1] ?? ''))
    throw new FeedError('unparseable', 'XML DOCTYPE names a SYSTEM identifier; refused');
}

// Characters XML 1.0 §2.2 forbids; they become spaces so the words around them stay apart.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const forbiddenChars = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

const xmlPredefined = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const entityCache = new Map<string, string>();

// HTML named entities in a feed without a DTD (RSS 0.91 feeds use &nbsp; and &laquo; freely) become
// numeric references, which every XML parser accepts; unknown names keep their text, escaped.
function htmlEntity(name: string): string {
  let cached = entityCache.get(name);
  if (cached === undefined) {
    const decoded = load(`&${name};`, null, false).text();
    cached =
      decoded === `&${name};` ? `&amp;${name};` : [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
    if (entityCache.size < 2048) entityCache.set(name, cached);
  }
  return cached;
}

/** Repairs bare `&`, undeclared HTML entities and characters XML 1.0 forbids (§2.2). */
export function repairXml(text: string): string {
  // CDATA content is literal (XML 1.0 §2.7), so only the text between CDATA sections is touched.
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(forbiddenChars, ' ') : repairSegment(part)))
    .join('');
}

function repairSegment(text: string): string {
  return text
    .replace(forbiddenChars, ' ')
    .replace(/&(?:(#\d{1,7}|#x[\da-f]{1,6})|([a-z][\w.-]{0,31}))?(;)?/gi, (whole, numeric, name, semi) => {
      if (numeric && semi) return whole;
      if (name && semi) return xmlPredefined.has(name) ? whole : htmlEntity(name);
      return `&amp;${whole.slice(1)}`;
    });
}

const closers: Record<string, { item: string; close: string }> = {
  rss: { item: '</item>', close: '</channel></rss>' },
  rdf: { item: '</item>', close: '</rdf:RDF>' },
  atom: { item: '</entry>', close: '</feed>' },
};

/**
 * Cuts a truncated document after its last complete item and closes it, so complete items survive;
 * returns undefined when the document is not truncated or holds no complete item.
 */
export function closeTruncated(text: string, format: 'rss' | 'rdf' | 'atom'): string | undefined {
  const spec = closers[format];
  if (!spec) return undefined;
  const rootEnd = format === 'rss' ? '</rss>' : format === 'rdf' ? '</rdf:RDF>' : '</feed>';
  if (text.trimEnd().endsWith(rootEnd)) return undefined;
  const lastItem = text.lastIndexOf(spec.item);
  if (lastItem < 0) return undefined;
  return text.slice(0, lastItem + spec.item.length) + spec.close;
}
