// Resolves the from/to query of a request into Baku days and UTC instants, with defaults and limits.
// Days are checked against the tracker's bounds before any calendar arithmetic runs on them.
import { ValidationError } from '#shared/errors.ts';
import { addDays, bakuDay, bakuDayStart, daysBetween } from '#shared/time/baku-calendar.ts';
import { earliestDay, isWithinBounds, latestDay, maxPeriodDays } from '#shared/time/period-bounds.ts';

/** A resolved period. */
export interface ResolvedPeriod {
  from: string;
  to: string;
  /** First instant of `from` and first instant after `to`, in UTC. */
  fromInstant: string;
  toInstant: string;
}

/** Applies defaults (the last 30 days up to today in Baku) and checks the bounds, order and length. */
export function resolvePeriod(query: { from?: string; to?: string }, now = new Date()): ResolvedPeriod {
  const today = bakuDay(now);
  for (const field of ['from', 'to'] as const) {
    const day = query[field];
    if (day !== undefined && !isWithinBounds(day, today)) {
      const latest = latestDay(today);
      throw new ValidationError(`${field}: must be a day from ${earliestDay} to ${latest}`, {
        details: { field, earliest: earliestDay, latest },
      });
    }
  }
  const to = query.to ?? today;
  let from = query.from ?? addDays(to, -29);
  if (from < earliestDay) from = earliestDay; // only a default can get here: a given day was checked
  if (from > to) throw new ValidationError('from: must not be after to', { details: { field: 'from' } });
  if (daysBetween(from, to) > maxPeriodDays) {
    throw new ValidationError(`to: a period may span at most ${maxPeriodDays} days`, {
      details: { field: 'to', maxDays: maxPeriodDays },
    });
  }
  return { from, to, fromInstant: bakuDayStart(from), toInstant: bakuDayStart(addDays(to, 1)) };
}
