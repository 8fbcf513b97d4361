// Makes untrusted XML safe and parseable before any parser sees it: entity expansion never happens
// (billion laughs, external entities: OWASP XXE cheat sheet), and everyday breakage is repaired.
import { load } from 'cheerio/slim';
import { FeedError } from '../feed-error.ts';

/** The refusal of a document that declares entities. */
export function entitiesRefused(): FeedError {
  return new FeedError(
    'unparseable',
    'XML declares entities; refused as unsafe (entity expansion is never performed)',
  );
}

/**
 * Rejects a DOCTYPE with an internal subset, any ENTITY declaration and any SYSTEM identifier; a
 * DOCTYPE that only names a public DTD (RSS 0.91's Netscape DTD) is harmless, since no DTD is read.
 */
export function assertSafeXml(text: string): void {
  const doctype = /<!DOCTYPE\b([^>[]*)(\[)?/i.exec(text);
  if (/<!ENTITY\b/i.test(text)) throw entitiesRefused();
  if (!doctype) return;
  if (doctype[2]) throw new FeedError('unparseable', 'XML DOCTYPE has an internal subset; refused as unsafe');
  if (/\bSYSTEM\b/i.test(doctype[1] ?? ''))
    throw new FeedError('unparseable', 'XML DOCTYPE names a SYSTEM identifier; refused as unsafe');
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
  return [...repairedChunks(text)].join('');
}

// Text is handed to the parser in pieces of about this many characters: small enough to stay in the
// young generation, so a large feed is never held twice (original and repaired) in memory.
const pieceLength = 8_192;

/** The repaired document in pieces, for a parser that reads a stream. */
export function repairedChunks(text: string): Generator<string> {
  return repairedStream(slices(text));
}

function* slices(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += pieceLength) yield text.slice(at, at + pieceLength);
}

/**
 * Repairs a document arriving in pieces (see repairXml). Text is cut just before a `<`, which no
 * entity reference can contain, so no repair straddles two pieces; CDATA content is literal
 * (XML 1.0 §2.7) and only has forbidden characters replaced.
 */
export function* repairedStream(pieces: Iterable<string>): Generator<string> {
  let buf = '';
  let inCdata = false;
  const drain = function* (final: boolean): Generator<string> {
    for (;;) {
      if (inCdata) {
        const end = buf.indexOf(']]>');
        if (end >= 0) {
          yield buf.slice(0, end + 3).replace(forbiddenChars, ' ');
          buf = buf.slice(end + 3);
          inCdata = false;
          continue;
        }
        // Keep two characters back: they may be the start of "]]>".
        const keep = final ? 0 : 2;
        if (buf.length > keep) yield buf.slice(0, buf.length - keep).replace(forbiddenChars, ' ');
        buf = buf.slice(buf.length - keep);
        return;
      }
      const start = buf.indexOf('<![CDATA[');
      if (start >= 0) {
        if (start > 0) yield repairSegment(buf.slice(0, start));
        yield '<![CDATA[';
        buf = buf.slice(start + 9);
        inCdata = true;
        continue;
      }
      let cut = final ? buf.length : buf.lastIndexOf('<');
      if (cut <= 0 && buf.length > pieceLength) {
        // A long text with no markup is cut before a trailing, possibly unfinished, `&name;`.
        const amp = buf.lastIndexOf('&');
        cut = amp > 0 && buf.length - amp < 40 ? amp : buf.length;
      }
      if (cut > 0) yield repairSegment(buf.slice(0, cut));
      buf = cut > 0 ? buf.slice(cut) : buf;
      return;
    }
  };
  for (const piece of pieces) {
    buf += piece;
    yield* drain(false);
  }
  yield* drain(true);
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
