// The dashboard's state in one object: views read it and re-render from it (e.g. on a language switch).

export const state = {
  /** The auth settings from /app-config.json. */
  auth: { mode: 'local' },
  /** `{ name, roles }` from /api/status. */
  caller: null,
  /** Only PR staff review and enter mentions; management reads. */
  canReview: false,
  period: { preset: 'month', from: '', to: '' },
  members: [],
  outlets: [],
  membersById: new Map(),
  outletsById: new Map(),
  summary: null,
  /** Members whose own line the chart draws beside the total, in the order chosen. */
  chartMembers: [],
  /** How many mentions of the period are confirmed, automatic, manual, rejected (/api/mention-counts). */
  reviewState: null,
  /** How many mentions match the list's filters, and whether that count is exact. */
  mentionTotal: null,
  /** Ids of the mentions just entered by hand, shown at the top of the list. */
  justAdded: [],
  filters: { member: '', outlet: '', language: '', status: '', evidence: '', q: '' },
  mentions: [],
  cursor: null,
  feeds: null,
  /** Open leads from /api/leads. */
  leads: null,
  /** Alert subscriptions from /api/alerts/subscriptions. */
  alertSubscriptions: null,
  /** The answer of /api/status. */
  status: null,
};

/** Stores the members and outlets and indexes them by id. */
export function setReferenceData(members, outlets) {
  state.members = members;
  state.outlets = outlets;
  state.membersById = new Map(members.map((member) => [member.id, member]));
  state.outletsById = new Map(outlets.map((outlet) => [outlet.id, outlet]));
}

/** The list and export filters: the period plus the chosen filters. */
export function listQuery() {
  return { from: state.period.from, to: state.period.to, ...state.filters };
}
