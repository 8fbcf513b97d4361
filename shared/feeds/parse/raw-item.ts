// The shape every format parser returns, before identity, dates and story keys are settled.

/** One item as a parser read it: link already absolute and canonical, title and text plain. */
export interface RawItem {
  guid?: string;
  link: string | null;
  title: string;
  text: string;
  /** The date text as found, for judging "missing" versus "impossible". */
  dateRaw?: string;
  date?: Date;
}

/** What a parser needs to know about the source. */
export interface ParseContext {
  /** The URL the body came from, after redirects: the base of relative links (RFC 3986 §5.1.3). */
  finalUrl: string;
  /** Zone of offset-less timestamps. */
  timeZone: string;
}

/** A string from an xml2js/rss-parser value, which may be an object with `_` text or absent. */
export function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '_' in value) return stringValue((value as { _: unknown })._);
  return undefined;
}
