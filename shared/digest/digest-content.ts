// Builds the digest of one ISO week from the same reads as the API: the period summary from the
// aggregates (so the figures equal /api/summary for that week), the mention list for the stories,
// and the feed states for sources failing for more than a day.
import type { OutletRegistry } from '../config/outlets.ts';
import type { Mention } from '../domain/mention.ts';
import { isFlagged } from '../feeds/poll/feed-health.ts';
import type { SourceState } from '../feeds/poll/ports.ts';
import { type PeriodTotals, planSummary, summarise } from '../reports/period-summary.ts';
import { readAggregates } from '../store/aggregate-reads.ts';
import { listFeedStates } from '../store/feed-state-store.ts';
import { listMentions } from '../store/mention-list.ts';
import type { TableContext } from '../store/table-context.ts';
import { addDays, bakuDayStart } from '../time/baku-calendar.ts';
import type { FacebookWeekPort, FacebookWeekSummary, PendingLeadsPort } from './digest-ports.ts';
import { groupStories, type MemberStories } from './digest-stories.ts';
import type { IsoWeek } from './digest-week.ts';

/** What the content builder reads. */
export interface DigestSources {
  table: TableContext;
  registry: OutletRegistry;
  /** The dashboard's address; the digest links to it filtered to the week. */
  dashboardUrl: string;
  now: () => Date;
  facebookWeek?: FacebookWeekPort;
  pendingLeads?: PendingLeadsPort;
}

/** A source failing for more than a day. */
export interface FailingSource {
  outletName: string;
  url: string;
  /** Last success, or null when it never succeeded. */
  lastSuccessAt: string | null;
  errorKind: string;
}

/** Everything a digest says about a week, before it is filtered per reader and put into words. */
export interface DigestContent extends IsoWeek {
  totals: PeriodTotals;
  previous: PeriodTotals;
  /** Mentions per person or organisation, most first. */
  perEntity: Array<{ entityId: string; count: number }>;
  topOutlets: Array<{ outletId: string; name: string; count: number }>;
  stories: MemberStories[];
  /** True when the week held more mentions than the digest reads; the dashboard has the rest. */
  listTruncated: boolean;
  unreviewed: number;
  failingSources: FailingSource[];
  /** Absent when no Facebook port is wired; null when the page has nothing for the week. */
  facebook?: FacebookWeekSummary | null | 'unavailable';
  pendingLeads?: number;
  dashboardUrl: string;
}

/** The digest reads at most this many mentions of a week (pages of 100); more is left to the dashboard. */
export const maxMentionsRead = 2000;
const topOutletCount = 8;
const dayMs = 86_400_000;

/** Builds the content of the week's digest. */
export async function buildDigestContent(sources: DigestSources, week: IsoWeek): Promise<DigestContent> {
  const plan = planSummary(week.from, week.to, 'week');
  const [counters, read, states, facebook, pendingLeads] = await Promise.all([
    readAggregates(sources.table, plan.buckets),
    readWeekMentions(sources.table, week),
    listFeedStates(sources.table),
    // The optional inputs belong to other features: their failure leaves a note, not an unsent digest.
    sources.facebookWeek?.(week.from, week.to).catch(() => 'unavailable' as const),
    sources.pendingLeads?.().catch(() => undefined),
  ]);
  const summary = summarise(week.from, week.to, 'week', counters);
  const names = outletNames(sources.registry, read.mentions);
  const totals = summary.totals;
  return {
    ...week,
    totals,
    previous: summary.previous.totals,
    perEntity: Object.entries({ ...totals.perMember, ...totals.perOrganisation })
      .map(([entityId, count]) => ({ entityId, count }))
      .sort((a, b) => b.count - a.count || a.entityId.localeCompare(b.entityId)),
    topOutlets: Object.entries(totals.perOutlet)
      .map(([outletId, count]) => ({ outletId, name: names.get(outletId) ?? outletId, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, topOutletCount),
    stories: groupStories(read.mentions, (mention) => names.get(mention.outletId) ?? mention.outletName),
    listTruncated: read.truncated,
    unreviewed: read.mentions.filter((mention) => mention.status === 'auto').length,
    failingSources: failingForADay(states, sources.registry, sources.now()),
    ...(sources.facebookWeek ? { facebook: facebook ?? null } : {}),
    ...(pendingLeads !== undefined ? { pendingLeads } : {}),
    dashboardUrl: weekDashboardUrl(sources.dashboardUrl, week),
  };
}

/** The dashboard opened on the week: the period travels in the fragment, which the dashboard reads. */
export function weekDashboardUrl(dashboardUrl: string, week: IsoWeek): string {
  return `${dashboardUrl.replace(/\/+$/, '')}/#from=${week.from}&to=${week.to}`;
}

async function readWeekMentions(table: TableContext, week: IsoWeek) {
  const filter = { from: bakuDayStart(week.from), to: bakuDayStart(addDays(week.to, 1)) };
  const mentions: Mention[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMentions(table, filter, 100, cursor);
    mentions.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor && mentions.length < maxMentionsRead);
  return { mentions, truncated: cursor !== undefined };
}

function outletNames(registry: OutletRegistry, mentions: Mention[]): Map<string, string> {
  const names = new Map(mentions.map((mention) => [mention.outletId, mention.outletName]));
  for (const outlet of registry.outlets) names.set(outlet.id, outlet.name);
  return names;
}

/** Sources whose last success is more than a day old, or that never succeeded and are flagged. */
function failingForADay(states: SourceState[], registry: OutletRegistry, now: Date): FailingSource[] {
  const outlets = new Map(registry.outlets.map((outlet) => [outlet.id, outlet.name]));
  return states
    .filter((state) => state.lastError && state.consecutiveFailures > 0)
    .filter((state) =>
      state.lastSuccessAt ? now.getTime() - Date.parse(state.lastSuccessAt) > dayMs : isFlagged(state),
    )
    .map((state) => ({
      outletName: outlets.get(state.outletId) ?? state.outletId,
      url: state.url,
      lastSuccessAt: state.lastSuccessAt ?? null,
      errorKind: state.lastError?.kind ?? 'network',
    }))
    .sort((a, b) => (a.lastSuccessAt ?? '').localeCompare(b.lastSuccessAt ?? ''));
}
