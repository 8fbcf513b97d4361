// Resolves the from/to query of a request into Baku days and UTC instants, with defaults and limits.
import { ValidationError } from '#shared/errors.ts';
import { addDays, bakuDay, bakuDayStart, daysBetween } from '#shared/time/baku-calendar.ts';

/** The longest period one request may ask for: three years of aggregates. */
const maxPeriodDays = 3 * 366;

/** A resolved period. */
export interface ResolvedPeriod {
  from: string;
  to: string;
  /** First instant of `from` and first instant after `to`, in UTC. */
  fromInstant: string;
  toInstant: string;
}

/** Applies defaults (the last 30 days up to today in Baku) and checks the order and length. */
export function resolvePeriod(query: { from?: string; to?: string }, now = new Date()): ResolvedPeriod {
  const to = query.to ?? bakuDay(now);
  const from = query.from ?? addDays(to, -29);
  if (from > to) throw new ValidationError('from: must not be after to', { details: { field: 'from' } });
  if (daysBetween(from, to) > maxPeriodDays) {
    throw new ValidationError(`to: a period may span at most ${maxPeriodDays} days`, {
      details: { field: 'to' },
    });
  }
  return { from, to, fromInstant: bakuDayStart(from), toInstant: bakuDayStart(addDays(to, 1)) };
}
