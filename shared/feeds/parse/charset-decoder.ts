// Turns body bytes into text. The charset comes from the BOM, the HTTP header, the XML prolog or the
// HTML meta, but no declaration is trusted alone: bytes that are valid UTF-8 stay UTF-8 (miniflux's
// rule, since feeds often declare ISO-8859-1 and send UTF-8), and a declaration that cannot decode
// the bytes gives way to the next one.

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

const boms: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

function supported(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return undefined;
  }
}

/** The charset named in a Content-Type header, if any. */
export function charsetFromContentType(contentType: string): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1];
}

/** The charsets declared inside the document: the XML prolog, then an HTML meta tag. */
export function declaredInDocument(head: string): string[] {
  const prolog = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head)?.[1];
  return [prolog, meta].filter((v): v is string => v !== undefined);
}

/**
 * UTF-16 without a byte-order mark, told by the zero high bytes of its first ASCII characters
 * (XML 1.0 Appendix F: `3C 00 3F 00` is UTF-16LE, `00 3C 00 3F` UTF-16BE). Such bytes are also
 * valid UTF-8, full of NULs, so this is asked before UTF-8; whether the prolog, the header or
 * neither declared UTF-16 makes no difference to the bytes.
 */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4) return undefined;
  const ascii = (b: number | undefined) => b !== undefined && b > 0 && b < 0x80;
  const [b0, b1, b2, b3] = bytes;
  if (ascii(b0) && b1 === 0 && ascii(b2) && b3 === 0) return 'utf-16le';
  if (b0 === 0 && ascii(b1) && b2 === 0 && ascii(b3)) return 'utf-16be';
  return undefined;
}

/** Decodes body bytes to text; `contentType` is the response header. */
export function decodeBody(bytes: Uint8Array, contentType = ''): { text: string; charset: string } {
  for (const [mark, charset] of boms) {
    if (mark.every((byte, i) => bytes[i] === byte)) {
      return { text: new TextDecoder(charset).decode(bytes.subarray(mark.length)), charset };
    }
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), charset: utf16 };
  try {
    return { text: utf8Strict.decode(bytes), charset: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to what the header and the document declare.
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const candidates = [charsetFromContentType(contentType), ...declaredInDocument(head)]
    .map(supported)
    .filter((c): c is string => c !== undefined && c !== 'utf-8' && !c.startsWith('utf-16'));
  // With no usable declaration, windows-1251 is the likeliest legacy charset of this press
  // (Russian-language Azerbaijani outlets); WHATWG would say windows-1252, which garbles Cyrillic.
  const charset = candidates[0] ?? 'windows-1251';
  return { text: new TextDecoder(charset).decode(bytes), charset };
}
