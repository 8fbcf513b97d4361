// Turns aggregate counters into the figures management reads: mentions, distinct outlets, members
// mentioned, breakdowns, a time series, and the same for the previous period of equal length.

import type { CounterSet } from '../store/aggregate-reads.ts';
import { addDays, coverPeriod, daysBetween, isoWeekStart, type PeriodCover } from '../time/baku-calendar.ts';

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
  previous: { period: { from: string; to: string }; totals: PeriodTotals };
}

/** The buckets to read for a summary: days for day/week series, else months plus or minus edge days. */
export function bucketsToRead(from: string, to: string, granularity: Granularity) {
  const previous = previousPeriod(from, to);
  const current: PeriodCover =
    granularity === 'month'
      ? coverPeriod(from, to)
      : { months: [], days: allDays(from, to), excludedDays: [] };
  const before = coverPeriod(previous.from, previous.to);
  return {
    days: [...new Set([...current.days, ...current.excludedDays, ...before.days, ...before.excludedDays])],
    months: [...new Set([...current.months, ...before.months])],
    current,
    before,
    previous,
  };
}

/** Each aggregate of a cover with the sign its counts enter the totals with. */
function signedBuckets(cover: PeriodCover): Array<{ bucket: string; sign: 1 | -1 }> {
  return [
    ...cover.months.map((bucket) => ({ bucket, sign: 1 as const })),
    ...cover.days.map((bucket) => ({ bucket, sign: 1 as const })),
    ...cover.excludedDays.map((bucket) => ({ bucket, sign: -1 as const })),
  ];
}

/** The period of equal length just before `from`..`to`. */
export function previousPeriod(from: string, to: string) {
  const length = daysBetween(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

/** Builds the summary from the aggregates read for {@link bucketsToRead}. */
export function summarise(
  from: string,
  to: string,
  granularity: Granularity,
  counters: Map<string, CounterSet>,
): PeriodSummary {
  const plan = bucketsToRead(from, to, granularity);
  const current = signedBuckets(plan.current);
  const series = new Map<string, number>();
  for (const { bucket, sign } of current) {
    const key = seriesBucket(bucket, granularity);
    series.set(key, (series.get(key) ?? 0) + sign * (counters.get(bucket)?.total ?? 0));
  }
  for (const bucket of seriesBuckets(from, to, granularity)) if (!series.has(bucket)) series.set(bucket, 0);
  return {
    period: { from, to, granularity },
    totals: totalsOf(current.map(({ bucket, sign }) => ({ set: counters.get(bucket), sign }))),
    series: [...series]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([bucket, mentions]) => ({ bucket, mentions })),
    previous: {
      period: plan.previous,
      totals: totalsOf(
        signedBuckets(plan.before).map(({ bucket, sign }) => ({ set: counters.get(bucket), sign })),
      ),
    },
  };
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
  const byPrefix: Record<string, Record<string, number>> = {
    p: totals.perMember,
    g: totals.perOrganisation,
    o: totals.perOutlet,
    l: totals.perLanguage,
  };
  for (const { set, sign } of sets) {
    if (!set) continue;
    totals.mentions += sign * (set.total ?? 0);
    for (const [name, value] of Object.entries(set)) {
      const separator = name.indexOf('#');
      const target = separator > 0 ? byPrefix[name.slice(0, separator)] : undefined;
      if (!target) continue;
      const id = name.slice(separator + 1);
      target[id] = (target[id] ?? 0) + sign * Number(value);
    }
  }
  // Reviews and excluded days subtract from counters, so an id can be left at zero: drop those.
  for (const target of Object.values(byPrefix)) {
    for (const [id, count] of Object.entries(target)) if (count <= 0) delete target[id];
  }
  totals.distinctOutlets = Object.keys(totals.perOutlet).length;
  totals.membersMentioned = Object.keys(totals.perMember).length;
  return totals;
}

function allDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

function seriesBucket(bucket: string, granularity: Granularity): string {
  if (granularity === 'month') return bucket.slice(0, 7);
  if (granularity === 'week') return isoWeekStart(bucket);
  return bucket;
}

function seriesBuckets(from: string, to: string, granularity: Granularity): string[] {
  return [...new Set(allDays(from, to).map((day) => seriesBucket(day, granularity)))];
}
