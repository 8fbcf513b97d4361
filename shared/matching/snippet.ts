// The text around a hit for display: a slice of the original (never re-spaced), so the hit's offsets
// minus `snippetStart` highlight it inside the snippet.

const SNIPPET_LENGTH = 160;
/** How far a snippet edge may move to land on a word boundary. */
const SNAP = 20;

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** The snippet around `start..end` and the offset in `text` where it begins. */
export function snippetAround(
  text: string,
  start: number,
  end: number,
): { snippet: string; snippetStart: number } {
  const margin = Math.max(20, Math.floor((SNIPPET_LENGTH - (end - start)) / 2));
  let from = Math.max(0, start - margin);
  let to = Math.min(text.length, end + margin);
  if (from > 0) {
    const space = text.slice(from, Math.min(start, from + SNAP)).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(Math.max(end, to - SNAP), to);
    const space = tail.search(/\s\S*$/);
    if (space >= 0) to = Math.max(end, to - SNAP) + space;
  }
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { snippet: text.slice(from, to), snippetStart: from };
}
