// What the council did: an outreach event recorded by PR staff, the mentions it produced, and the
// history of its changes.

/** The kinds of event the council's own report counts. */
export const EVENT_TYPES = [
  'council-meeting',
  'round-table',
  'information-session',
  'course',
  'aid-distribution',
  'visit',
  'media-appearance',
  'other',
] as const;

/** One kind of outreach event. */
export type EventType = (typeof EVENT_TYPES)[number];

/** A free-form figure with its label, such as "refugees enrolled: 157". */
export interface EventFigure {
  label: string;
  value: number;
}

/** What PR staff enter about an event. */
export interface EventFields {
  date: string;
  type: EventType;
  title: string;
  place?: string | undefined;
  members: string[];
  participants?: number | undefined;
  beneficiaries?: number | undefined;
  figures: EventFigure[];
  notes?: string | undefined;
  links: string[];
}

/** A mention confirmed as coverage of an event, with the outlet that published it. */
export interface CoverageLink {
  outletId: string;
  outletName: string;
  title: string;
  published: string;
  confirmedBy: string;
  confirmedAt: string;
}

/** A stored event. */
export interface OutreachEvent extends EventFields {
  eventId: string;
  /** Confirmed coverage by mention id. */
  coverage: Record<string, CoverageLink>;
  /** Mention ids staff removed, so the tracker does not propose them again. */
  dismissed: Record<string, true>;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** What a change did. */
export type EventAction = 'created' | 'edited' | 'deleted' | 'coverage-confirmed' | 'coverage-removed';

/** One change of an event: who, when, and what changed (field → before and after). */
export interface EventHistoryEntry {
  version: number;
  at: string;
  by: string;
  action: EventAction;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** The names of the distinct outlets among an event's confirmed coverage, sorted. */
export function coverageOutlets(event: Pick<OutreachEvent, 'coverage'>): string[] {
  return [...new Set(Object.values(event.coverage).map((link) => link.outletName))].sort();
}
