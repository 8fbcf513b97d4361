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
