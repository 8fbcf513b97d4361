// The outcomes report of a period: the same aggregate figures as /api/summary, the top stories, the
// Facebook page's activity when a page is configured, and the outreach events grouped by type and
// summed, with opening sentences filled from those figures.
import type { OutletRegistry } from '../config/outlets.ts';
import type { Roster } from '../config/roster.ts';
import {
  coverageOutlets,
  EVENT_TYPES,
  type EventType,
  type OutreachEvent,
} from '../domain/outreach-event.ts';
import { type FacebookSummary, facebookPeriodSummary } from '../facebook/facebook-summary.ts';
import { listEvents } from '../store/event-store.ts';
import type { TableContext } from '../store/table-context.ts';
import { daysBetween } from '../time/baku-calendar.ts';
import { type ReportLanguage, reportWords } from './outcomes-text.ts';
import type { PeriodSummary } from './period-summary.ts';
import { defaultGranularity, readPeriodSummary } from './period-summary-read.ts';
import { readTopStories, type TopStory } from './top-stories.ts';

/** What the report reads. */
export interface OutcomesDeps {
  table: TableContext;
  registry: OutletRegistry;
  roster: Roster;
  facebookPageId?: string | undefined;
}

/** The events of one type, summed. */
export interface EventTypeTotals {
  type: EventType;
  count: number;
  participants: number;
  beneficiaries: number;
  coverage: number;
  /** Free-form figures summed by label (labels compared without case or surrounding space). */
  figures: Array<{ label: string; value: number }>;
}

/** The whole report, ready to print or render. */
export interface OutcomesReport {
  period: { from: string; to: string };
  lang: ReportLanguage;
  sentences: string[];
  summary: PeriodSummary;
  members: Array<{ id: string; name: string; mentions: number }>;
  outlets: Array<{ id: string; name: string; mentions: number }>;
  languages: Array<{ language: string; mentions: number }>;
  stories: TopStory[];
  facebook: FacebookSummary | null;
  events: Array<OutreachEvent & { coverageCount: number; coverageOutlets: string[] }>;
  eventTypes: EventTypeTotals[];
  eventTotals: Omit<EventTypeTotals, 'type'>;
}

const topCount = 10;

/** Builds the report of `from`..`to` (Baku days) in one language. */
export async function buildOutcomesReport(
  deps: OutcomesDeps,
  period: { from: string; to: string; fromInstant: string; toInstant: string },
  lang: ReportLanguage,
): Promise<OutcomesReport> {
  const granularity = defaultGranularity(daysBetween(period.from, period.to));
  const [summary, stories, events, facebook] = await Promise.all([
    readPeriodSummary(deps, period.from, period.to, granularity),
    readTopStories(deps.table, period.fromInstant, period.toInstant, topCount),
    listEvents(deps.table, period.from, period.to),
    deps.facebookPageId
      ? facebookPeriodSummary({ table: deps.table, pageId: deps.facebookPageId }, period)
      : Promise.resolve(null),
  ]);
  const names = new Map<string, string>();
  for (const entity of [...deps.roster.people, ...deps.roster.organisations]) {
    names.set(entity.id, entity.names[lang] ?? entity.names.en ?? entity.names.az ?? entity.id);
  }
  const outletNames = new Map(deps.registry.outlets.map((outlet) => [outlet.id, outlet.name]));
  const eventTypes = sumByType(events);
  const eventTotals = sumAll(eventTypes);
  const report: Omit<OutcomesReport, 'sentences'> = {
    period: { from: period.from, to: period.to },
    lang,
    summary,
    members: ranked({ ...summary.totals.perMember, ...summary.totals.perOrganisation }).map(
      ([id, mentions]) => ({
        id,
        name: names.get(id) ?? id,
        mentions,
      }),
    ),
    outlets: ranked(summary.totals.perOutlet)
      .slice(0, topCount)
      .map(([id, mentions]) => ({ id, name: outletNames.get(id) ?? id, mentions })),
    languages: ranked(summary.totals.perLanguage).map(([language, mentions]) => ({ language, mentions })),
    stories,
    facebook,
    events: events.map((event) => ({
      ...event,
      coverageCount: Object.keys(event.coverage).length,
      coverageOutlets: coverageOutlets(event),
    })),
    eventTypes,
    eventTotals,
  };
  const sentences = reportWords[lang].sentences({
    mentions: summary.totals.mentions,
    outlets: summary.totals.distinctOutlets,
    members: summary.totals.membersMentioned,
    events: eventTotals.count,
    byType: eventTypes.map(({ type, count }) => ({ type, count })),
    beneficiaries: eventTotals.beneficiaries,
    coverage: eventTotals.coverage,
    facebookPosts: facebook ? facebook.posts : null,
  });
  return { ...report, sentences };
}

function ranked(counts: Record<string, number>): Array<[string, number]> {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Groups events by type (in the order of EVENT_TYPES) and sums their numbers and labelled figures. */
export function sumByType(events: OutreachEvent[]): EventTypeTotals[] {
  return EVENT_TYPES.map((type) => {
    const ofType = events.filter((event) => event.type === type);
    return { type, ...sumEvents(ofType) };
  }).filter((totals) => totals.count > 0);
}

function sumEvents(events: OutreachEvent[]): Omit<EventTypeTotals, 'type'> {
  const figures = new Map<string, { label: string; value: number }>();
  for (const figure of events.flatMap((event) => event.figures)) {
    const key = figure.label.trim().toLocaleLowerCase();
    const entry = figures.get(key) ?? { label: figure.label.trim(), value: 0 };
    entry.value += figure.value;
    figures.set(key, entry);
  }
  return {
    count: events.length,
    participants: events.reduce((sum, event) => sum + (event.participants ?? 0), 0),
    beneficiaries: events.reduce((sum, event) => sum + (event.beneficiaries ?? 0), 0),
    coverage: events.reduce((sum, event) => sum + Object.keys(event.coverage).length, 0),
    figures: [...figures.values()],
  };
}

function sumAll(types: EventTypeTotals[]): Omit<EventTypeTotals, 'type'> {
  const figures = new Map<string, { label: string; value: number }>();
  for (const figure of types.flatMap((t) => t.figures)) {
    const key = figure.label.toLocaleLowerCase();
    const entry = figures.get(key) ?? { label: figure.label, value: 0 };
    entry.value += figure.value;
    figures.set(key, entry);
  }
  return {
    count: types.reduce((sum, t) => sum + t.count, 0),
    participants: types.reduce((sum, t) => sum + t.participants, 0),
    beneficiaries: types.reduce((sum, t) => sum + t.beneficiaries, 0),
    coverage: types.reduce((sum, t) => sum + t.coverage, 0),
    figures: [...figures.values()],
  };
}
