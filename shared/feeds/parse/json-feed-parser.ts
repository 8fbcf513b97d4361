// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
import { parseDateText } from './date-parser.ts';
import type { ParseContext, RawItem } from './raw-item.ts';
import { collapseWhitespace, htmlToText } from './text-normaliser.ts';
import { canonicalUrl } from './url-canonicalizer.ts';

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

/** Parses a JSON Feed document. */
export function parseJsonFeed(text: string, ctx: ParseContext): RawItem[] {
  const doc = JSON.parse(text) as { items?: unknown };
  if (!Array.isArray(doc.items)) throw new Error('JSON Feed without an items array');
  return doc.items
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item): RawItem => {
      const dateRaw = str(item.date_published) ?? str(item.date_modified);
      const html = str(item.content_html);
      const guid = str(item.id)?.trim();
      return {
        ...(guid ? { guid } : {}),
        link: canonicalUrl(str(item.url) ?? str(item.external_url), ctx.finalUrl),
        // JSON Feed titles are plain text: not decoded again.
        title: collapseWhitespace(str(item.title) ?? ''),
        text: html ? htmlToText(html) : collapseWhitespace(str(item.content_text) ?? str(item.summary) ?? ''),
        ...(dateRaw ? { dateRaw, date: parseDateText(dateRaw, ctx.timeZone) } : {}),
      };
    });
}
