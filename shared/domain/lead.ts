// A lead: a search result that may be about the council but that the matcher did not confirm. It is
// stored for PR staff to confirm into a mention or dismiss, and counted nowhere until confirmed.

/** open: waiting for review; confirmed: turned into mentions; dismissed: not about us. */
export type LeadStatus = 'open' | 'confirmed' | 'dismissed';

/** Why a result became a lead: nothing confirmed, or the matcher cancelled a match (a namesake). */
export type LeadReason = 'unconfirmed' | 'cancelled';

/** One lead, as the API returns it. */
export interface Lead {
  leadId: string;
  status: LeadStatus;
  /** The roster id the result is probably about: the query's subject or the cancelled match's member. */
  memberId?: string;
  reason?: LeadReason;
  /** Free text saying more about the reason, e.g. which namesake cancelled the match. */
  reasonDetail?: string;
  title: string;
  snippet: string;
  url: string | null;
  engineLink: string | null;
  outlet: string;
  outletId: string;
  outletName: string;
  language: string;
  published: string;
  firstSeenAt: string;
  searchId: string;
  query: string;
  storyKey?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  /** Set when confirmed: the mentions it became. */
  mentionIds?: string[];
}
