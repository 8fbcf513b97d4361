// Turns aggregate counters into the figures management reads: mentions, distinct outlets, members
// mentioned, breakdowns, a time series, and the same for the previous period of equal length.

import type { CounterSet } from '../store/aggregate-reads.ts';
import { counterName, decodeCounterName } from '../store/keys.ts';
import {
  addDays,
  coverPeriod,
  daysBetween,
  daysOf,
  isoWeekLabel,
  isoWeekStart,
  type PeriodCover,
} from '../time/baku-calendar.ts';

/** Time-series bucket size. */
export type Granularity = 'day' | 'week' | 'month';

/** Totals of one period. */
export interface PeriodTotals {
  mentions: number;
  distinctOutlets: number;
  membersMentioned: number;
  perMember: Record<string, number>;
  perOrganisation: Record<string, number>;
  perOutlet: Record<string, number>;
  perLanguage: Record<string, number>;
}

/** The answer of /api/summary. */
export interface PeriodSummary {
  period: { from: string; to: string; granularity: Granularity };
  totals: PeriodTotals;
  series: Array<{ bucket: string; mentions: number }>;
  /** One series per member asked for, over the same buckets as `series`; absent when none was. */
  memberSeries?: Array<{ member: string; series: Array<{ bucket: string; mentions: number }> }>;
  previous: { period: { from: string; to: string }; totals: PeriodTotals };
}

/** One aggregate entering a figure: its key (a day, `yyyy-mm` or `yyyy-Www`), sign and series bucket. */
interface Contribution {
  aggregate: string;
  sign: 1 | -1;
  seriesBucket: string;
}

/**
 * What a summary reads: totals from whole months plus or minus edge days; the series from months,
 * ISO weeks (whole weeks as week aggregates, edge weeks as days) or days. A year therefore costs
 * about 13 months, 53 weeks and a few days, however many mentions it holds.
 */
export function planSummary(from: string, to: string, granularity: Granularity) {
  const previous = previousPeriod(from, to);
  const totals = contributions(coverPeriod(from, to), (aggregate) => aggregate.slice(0, 7));
  const before = contributions(coverPeriod(previous.from, previous.to), (aggregate) => aggregate.slice(0, 7));
  const series =
    granularity === 'month'
      ? totals
      : granularity === 'week'
        ? weekContributions(from, to)
        : dayContributions(from, to);
  const forTotals = new Set([...totals, ...before].map((entry) => entry.aggregate));
  const seriesOnly = new Set(series.map((entry) => entry.aggregate).filter((key) => !forTotals.has(key)));
  return {
    previous,
    totals,
    before,
    series,
    /** Aggregates read whole: every counter feeds the totals. */
    buckets: bucketsOf(forTotals),
    /** Aggregates read for the series alone, so only their `total` is needed. */
    seriesBuckets: bucketsOf(seriesOnly),
  };
}

function bucketsOf(keys: Set<string>) {
  const all = [...keys];
  return {
    months: all.filter((key) => /^\d{4}-\d{2}$/.test(key)),
    weeks: all.filter((key) => key.includes('-W')),
    days: all.filter((key) => /^\d{4}-\d{2}-\d{2}$/.test(key)),
  };
}

/** The period of equal length just before `from`..`to`. */
export function previousPeriod(from: string, to: string) {
  const length = daysBetween(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** Builds the summary from the aggregates read for {@link planSummary}. */
export function summarise(
  from: string,
  to: string,
  granularity: Granularity,
  counters: Map<string, CounterSet>,
  /** Members to add a series each for, from their person or organisation counters. */
  members: string[] = [],
): PeriodSummary {
  const plan = planSummary(from, to, granularity);
  // One series of the given counter over the plan's buckets, zero where an aggregate is missing.
  const seriesOf = (count: (set: CounterSet | undefined) => number) => {
    const series = new Map<string, number>();
    for (const day of daysOf(from, to)) series.set(seriesBucket(day, granularity), 0);
    for (const { aggregate, sign, seriesBucket: bucket } of plan.series) {
      series.set(bucket, (series.get(bucket) ?? 0) + sign * count(counters.get(aggregate)));
    }
    return [...series]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([bucket, mentions]) => ({ bucket, mentions }));
  };
  const totalsOfPlan = (entries: Contribution[]) =>
    totalsOf(entries.map(({ aggregate, sign }) => ({ set: counters.get(aggregate), sign })));
  return {
    period: { from, to, granularity },
    totals: totalsOfPlan(plan.totals),
    series: seriesOf((set) => set?.total ?? 0),
    ...(members.length
      ? {
          memberSeries: members.map((member) => ({
            member,
            series: seriesOf((set) => memberCount(set, member)),
          })),
        }
      : {}),
    previous: { period: plan.previous, totals: totalsOfPlan(plan.before) },
  };
}

/** A member's count in one aggregate: an id is a person or an organisation, never both. */
function memberCount(set: CounterSet | undefined, member: string): number {
  if (!set) return 0;
  const person = set[counterName.entity('person', member)];
  const organisation = set[counterName.entity('organisation', member)];
  return Number(person ?? 0) + Number(organisation ?? 0);
}

function contributions(cover: PeriodCover, bucketOf: (aggregate: string) => string): Contribution[] {
  return [
    ...cover.months.map((aggregate) => ({ aggregate, sign: 1 as const, seriesBucket: bucketOf(aggregate) })),
    ...cover.days.map((aggregate) => ({ aggregate, sign: 1 as const, seriesBucket: bucketOf(aggregate) })),
    ...cover.excludedDays.map((aggregate) => ({
      aggregate,
      sign: -1 as const,
      seriesBucket: bucketOf(aggregate),
    })),
  ];
}

function weekContributions(from: string, to: string): Contribution[] {
  const entries: Contribution[] = [];
  // As many steps as the period has weeks, whatever the days hold.
  const first = isoWeekStart(from);
  const weeks = Math.ceil(daysBetween(first, to) / 7);
  for (let index = 0; index < weeks; index += 1) {
    const monday = addDays(first, index * 7);
    const sunday = addDays(monday, 6);
    if (monday >= from && sunday <= to) {
      entries.push({ aggregate: isoWeekLabel(monday), sign: 1, seriesBucket: monday });
    } else {
      for (const day of daysOf(monday < from ? from : monday, sunday > to ? to : sunday)) {
        entries.push({ aggregate: day, sign: 1, seriesBucket: monday });
      }
    }
  }
  return entries;
}

function dayContributions(from: string, to: string): Contribution[] {
  return daysOf(from, to).map((day) => ({ aggregate: day, sign: 1 as const, seriesBucket: day }));
}

function totalsOf(sets: Array<{ set: CounterSet | undefined; sign: 1 | -1 }>): PeriodTotals {
  const totals: PeriodTotals = {
    mentions: 0,
    distinctOutlets: 0,
    membersMentioned: 0,
    perMember: {},
    perOrganisation: {},
    perOutlet: {},
    perLanguage: {},
  };
  const byKind = {
    person: totals.perMember,
    organisation: totals.perOrganisation,
    outlet: totals.perOutlet,
    language: totals.perLanguage,
  };
  for (const { set, sign } of sets) {
    if (!set) continue;
    for (const [name, value] of Object.entries(set)) {
      const counter = decodeCounterName(name);
      if (!counter) continue;
      if (counter.kind === 'total') {
        totals.mentions += sign * Number(value);
        continue;
      }
      const target = byKind[counter.kind];
      target[counter.id] = (target[counter.id] ?? 0) + sign * Number(value);
    }
  }
  // Reviews and excluded days subtract from counters, so an id can be left at zero: drop those.
  for (const target of Object.values(byKind)) {
    for (const [id, count] of Object.entries(target)) if (count <= 0) delete target[id];
  }
  totals.distinctOutlets = Object.keys(totals.perOutlet).length;
  totals.membersMentioned = Object.keys(totals.perMember).length;
  return totals;
}

function seriesBucket(bucket: string, granularity: Granularity): string {
  if (granularity === 'month') return bucket.slice(0, 7);
  if (granularity === 'week') return isoWeekStart(bucket);
  return bucket;
}
