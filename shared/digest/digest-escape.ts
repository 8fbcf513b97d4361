// Text from feeds and staff is hostile: it is escaped for HTML, links are kept only when they are
// plain http(s) URLs, and control and bidirectional-override characters are dropped from both parts.

/** Control characters and the bidi overrides that can disguise text (Unicode TR36 §2.6). */
const unsafeCharacters = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/** One line of plain text: unsafe characters dropped, runs of whitespace (newlines too) made one space. */
export function plainLine(text: string): string {
  // Whitespace controls (newlines, tabs) become spaces first, so words they separated stay apart.
  return text.replace(/\s+/g, ' ').replace(unsafeCharacters, '').trim();
}

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return plainLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The URL when it is an absolute http(s) URL, else null (no javascript:, data: or relative links). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
