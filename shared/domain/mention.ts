// The tracker's stored records, as the rest of the code sees them (no DynamoDB keys here).

/** auto: found by the matcher; confirmed/rejected: reviewed by PR staff; manual: entered by hand. */
export type MentionStatus = 'auto' | 'confirmed' | 'rejected' | 'manual';

/** Whether a mention with this status counts in totals. */
export function isCounted(status: MentionStatus): boolean {
  return status !== 'rejected';
}

/** Where a manual mention appeared. */
export type ManualMedium = 'print' | 'tv' | 'radio' | 'web' | 'other';

/** What PR staff recorded about a mention they entered by hand. */
export interface ManualSource {
  medium: ManualMedium;
  description?: string;
  enteredBy?: string;
}

/** A field whose stored value was shortened, or left out, to keep the item within DynamoDB's size limit. */
export type TruncatedField = 'title' | 'url' | 'outletName' | 'description' | 'snippet' | 'spans';

/** A stored press article (one per outlet and item identity). */
export interface Article {
  articleId: string;
  outletId: string;
  outletName: string;
  sourceId?: string;
  url: string | null;
  title: string;
  language: string;
  /** The item's own date in UTC, or the first-seen time when it had none usable. */
  published: string;
  /** Set when `published` is the first-seen substitute. */
  publishedFlag?: 'missing' | 'impossible';
  firstSeenAt: string;
  storyKey?: string;
  manual?: ManualSource;
  /** Fields cut to fit the item size budget; absent when nothing was cut. */
  truncated?: TruncatedField[];
  /** Set when the article was found through a news search rather than the outlet's own feed. */
  foundThrough?: 'search';
}

/** A text excerpt with the matched names marked by offsets into `text`. */
export interface Snippet {
  text: string;
  highlights: Array<[number, number]>;
}

/**
 * What a found mention rests on, strongest first: the full name (or an organisation's name), an
 * alias, a distinctive surname alone, an initial tied by the full name earlier in the text, an
 * initial tied by a role term or the council.
 */
export const MENTION_EVIDENCE = [
  'full-name',
  'alias',
  'surname',
  'initial-full-name',
  'initial-role',
] as const;

/** One kind of evidence a found mention rests on. */
export type MentionEvidence = (typeof MENTION_EVIDENCE)[number];

/** One change of a mention's status, kept for audit. */
export interface ReviewEntry {
  at: string;
  by: string;
  from: MentionStatus;
  to: MentionStatus;
  note?: string;
}

/** One (article, person or organisation) pair. */
export interface Mention {
  mentionId: string;
  articleId: string;
  entityId: string;
  entityKind: 'person' | 'organisation';
  outletId: string;
  outletName: string;
  language: string;
  url: string | null;
  title: string;
  published: string;
  status: MentionStatus;
  snippet: Snippet;
  /** Offsets of each occurrence, in the field where it was found. */
  spans: Array<{ field: 'title' | 'text'; start: number; end: number; surface: string }>;
  note?: string | null;
  /** The latest review; the full history is read apart (it grows with every review). */
  lastReview?: ReviewEntry;
  /** How many reviews the history holds. */
  reviewCount?: number;
  manual?: ManualSource;
  /** Shared by the articles of different outlets that carry the same story. */
  storyKey?: string;
  /** Fields cut to fit the item size budget; absent when nothing was cut. */
  truncated?: TruncatedField[];
  /** Set when the article was found through a news search rather than the outlet's own feed. */
  foundThrough?: 'search';
  /** Set while its outlet is marked not press: the mention is then counted nowhere, whatever its status. */
  outletExcluded?: boolean;
  /** What the matcher's strongest hit in the article rests on; absent on manual and older mentions. */
  evidence?: MentionEvidence;
  /** The outreach event PR staff confirmed this mention as coverage of. */
  event?: { eventId: string; title: string; date: string };
}

/** A mention id joins its article and entity, so it addresses the item without a lookup. */
export function mentionIdOf(articleId: string, entityId: string): string {
  return `${articleId}~${entityId}`;
}

/** Splits a mention id back into its article and entity. */
export function parseMentionId(mentionId: string): { articleId: string; entityId: string } | undefined {
  const match = /^([a-z0-9-]{1,64})~([a-z0-9][a-z0-9-]{0,63})$/.exec(mentionId);
  return match ? { articleId: match[1] as string, entityId: match[2] as string } : undefined;
}
