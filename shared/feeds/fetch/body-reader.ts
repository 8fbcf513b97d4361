// Reads a response body through its Content-Encoding with a cap on the decoded size, so a
// decompression bomb or a 200 MB page is cut off after `maxBytes` without being held in memory.
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { FeedError } from '../feed-error.ts';

function decoderFor(encoding: string): NodeJS.ReadWriteStream | undefined {
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

/** Drops a body we will not read; undici reports the abort as an error event, which is expected here. */
export function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/**
 * Reads `body` decoded and capped, as the chunks it arrived in (a large feed is not copied into one
 * buffer beside them); throws `too-large` as soon as the cap is passed, `unparseable` for a broken
 * encoding, and the body's own error (a reset, an abort) unchanged for the caller to map.
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string,
  maxBytes: number,
): Promise<Buffer[]> {
  const decoder = decoderFor(contentEncoding);
  let bodyError: unknown;
  body.once('error', (error) => {
    bodyError = error;
  });
  // `pipe` would leave the decoder waiting forever when the body is reset or aborted part-way;
  // `pipeline` destroys the decoder with the body's error, so the read loop ends with it.
  const source = (decoder ? pipeline(body, decoder, () => {}) : body) as AsyncIterable<Buffer>;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw new FeedError('too-large', `body exceeds the cap of ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    // A transport failure (reset, timeout) is the fetch's to classify and retry, not a decoding one.
    if (bodyError !== undefined) throw bodyError;
    if (!decoder || (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    throw new FeedError('unparseable', `cannot decode ${contentEncoding} body`, { cause: error });
  } finally {
    discard(body);
    if (decoder) discard(decoder as unknown as Readable);
  }
  return chunks;
}

/** Drains at most `limit` bytes of a body (for sniffing a challenge page) and discards the rest. */
export async function peekBody(body: Readable, limit = 65_536): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // A broken error page tells us nothing more.
  } finally {
    discard(body);
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('latin1');
}
