// Renders mentions as CSV (RFC 4180) that is safe to open in a spreadsheet: a cell that begins with
// = + - @, a tab or a carriage return is prefixed with an apostrophe so it is never run as a formula
// (OWASP "CSV injection"), and every cell is quoted.
import type { Mention } from '../domain/mention.ts';

const columns = [
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
];

/** One CSV cell, quoted and neutralised. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The header line. */
export function csvHeader(): string {
  return `${columns.join(',')}\r\n`;
}

/**
 * One line per mention; `names` maps entity ids to display names, `outletKey` gives the identity an
 * outlet counts under (its registrable domain, or a manual outlet's id), so distinct `outlet_key`
 * values are the headline's distinct outlets.
 */
export function csvRows(
  mentions: Mention[],
  names: Map<string, string>,
  outletKey: (outletId: string) => string = (id) => id,
): string {
  return mentions
    .map((mention) =>
      [
        mention.published,
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
      ]
        .map(csvCell)
        .join(','),
    )
    .map((line) => `${line}\r\n`)
    .join('');
}
