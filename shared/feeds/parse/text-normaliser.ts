// Plain text from feed fields: whitespace folded, and HTML decoded and stripped where the format
// says the field is HTML (RSS titles and descriptions, Atom type="html").
import { load } from 'cheerio/slim';

// \s covers NBSP and the Unicode spaces; control characters and zero-width marks count as space too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are folded on purpose.
const spaceRun = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2060\uFEFF]+/g;

/** Every run of whitespace (NBSP and control characters included) becomes one space, then trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(spaceRun, ' ').trim();
}

// Block-level tags separate words; inline tags do not ("Azər<b>baycan</b>" stays one word).
const blockTag =
  /<(\/?)(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|figure|figcaption|hr)\b/gi;

/** Decodes entities once and strips tags from an HTML fragment, then folds whitespace. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const $ = load(html.replace(blockTag, ' <$1$2'), null, false);
  $('script, style, noscript, template').remove();
  return collapseWhitespace($.root().text());
}
