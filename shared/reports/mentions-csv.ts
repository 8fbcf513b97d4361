// Renders mentions as CSV (RFC 4180) that is safe to open in a spreadsheet: a cell that begins with
// = + - @, a tab or a carriage return is prefixed with an apostrophe so it is never run as a formula
// (OWASP "CSV injection"), and every cell is quoted. Times are Baku wall-clock times with their offset.
import type { Mention } from '../domain/mention.ts';
import { type CsvLanguage, csvHeadings } from './mentions-csv-headings.ts';

/** The columns, in their fixed order; headings in other languages follow the same order. */
export const csvColumns = [
  'published',
  'outlet',
  'member',
  'member_name',
  'language',
  'status',
  'evidence',
  'title',
  'url',
  'snippet',
  'note',
  'outlet_key',
  'medium',
] as const;

const bakuParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Baku',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** An instant as Baku local time with its offset, e.g. `2026-11-29T14:05:00+04:00` (RFC 3339). */
export function bakuTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(bakuParts.formatToParts(date).map((part) => [part.type, part.value]));
  const offset = String(parts.timeZoneName).replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** One CSV cell, quoted and neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The header line: machine names, or headings in `language` in the same column order. */
export function csvHeader(language?: CsvLanguage): string {
  if (!language) return `${csvColumns.join(',')}\r\n`;
  return `${csvColumns.map((column) => csvCell(csvHeadings[language][column])).join(',')}\r\n`;
}

/**
 * One line per mention; `names` maps entity ids to display names, `outletKey` gives the identity an
 * outlet counts under (its registrable domain, or a manual outlet's id), so distinct `outlet_key`
 * values are the headline's distinct outlets. `medium` is the manual entry's, else `web`.
 */
export function csvRows(
  mentions: Mention[],
  names: Map<string, string>,
  outletKey: (outletId: string) => string = (id) => id,
): string {
  return mentions
    .map((mention) =>
      [
        bakuTimestamp(mention.published),
        mention.outletName,
        mention.entityId,
        names.get(mention.entityId) ?? mention.entityId,
        mention.language,
        mention.status,
        mention.evidence,
        mention.title,
        mention.url,
        mention.snippet.text,
        mention.note,
        outletKey(mention.outletId),
        mention.manual?.medium ?? 'web',
      ]
        .map(csvCell)
        .join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
