// Body bytes to items. A large UTF-8 RSS or RDF body is decoded and parsed as a stream of small
// pieces, so it is never also held as one string of twice its size (JavaScript strings with
// Cyrillic or Azerbaijani letters take two bytes a character); anything else is decoded whole.
import type { OutletSource } from '#shared/config/outlets.ts';
import { asFeedError, type ParsedBody, parseFeedBody } from './body-parser.ts';
import { decodeBody } from './charset-decoder.ts';
import { detectFormat } from './format-detector.ts';
import type { ParseContext } from './raw-item.ts';
import { parseRssStream } from './rss-feed-parser.ts';
import { assertSafeXml } from './xml-safety.ts';

/** Bodies above this size are streamed when they can be. */
const streamAbove = 1024 * 1024;
const pieceBytes = 16_384;

/**
 * Parses body bytes (the chunks they arrived in) for `source` into its newest `maxItems` items and
 * the count it carried.
 */
export async function parseFeedBytes(
  chunks: Buffer[],
  contentType: string,
  source: OutletSource,
  ctx: ParseContext,
  maxItems = Number.POSITIVE_INFINITY,
): Promise<ParsedBody> {
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  if (source.type === 'feed' && size > streamAbove) {
    const streamed = parseUtf8Stream(chunks, ctx, maxItems);
    if (streamed) return streamed;
  }
  return parseFeedBody(decodeBody(Buffer.concat(chunks), contentType).text, source, ctx, maxItems);
}

class NotUtf8 extends Error {}

function* utf8Pieces(chunks: Buffer[], from: number): Generator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    let skip = from;
    for (const chunk of chunks) {
      for (let at = skip; at < chunk.length; at += pieceBytes)
        yield decoder.decode(chunk.subarray(at, at + pieceBytes), { stream: true });
      skip = 0;
    }
    yield decoder.decode();
  } catch {
    throw new NotUtf8();
  }
}

// Undefined when the body is not a UTF-8 RSS or RDF document; the whole-text path then decides.
function parseUtf8Stream(chunks: Buffer[], ctx: ParseContext, maxItems: number): ParsedBody | undefined {
  const first = chunks[0];
  if (!first || first.length < 4) return undefined;
  const from = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
  // Zero bytes in the head mean UTF-16, which is decoded whole.
  if (first.subarray(0, 64).includes(0)) return undefined;
  const headChunks: Buffer[] = [];
  for (let size = 0, i = 0; size < from + 65_536 && i < chunks.length; i++) {
    headChunks.push(chunks[i] as Buffer);
    size += (chunks[i] as Buffer).length;
  }
  const headBytes = Buffer.concat(headChunks).subarray(from, from + 65_536);
  const head = new TextDecoder('utf-8').decode(headBytes);
  const format = detectFormat(head);
  if (format !== 'rss' && format !== 'rdf') return undefined;
  try {
    // The root element was found in the head, so any DOCTYPE (and its entities) is there too.
    assertSafeXml(head);
    return parseRssStream(utf8Pieces(chunks, from), ctx, format, maxItems, true);
  } catch (error) {
    if (error instanceof NotUtf8) return undefined;
    throw asFeedError(error, format);
  }
}
