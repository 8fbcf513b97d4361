// The days the tracker can mean: from 2000-01-01 (before any outlet it follows published online) to one
// year after today in Baku (planned events). Every route and the dashboard use the same bounds; the
// dashboard's copy is functions/api/static/js/period.js, held equal by test/unit/time/period-bounds.test.ts.

/** The first day any route accepts. */
export const earliestDay = '2000-01-01';

/** The longest period one request may ask for: three years of aggregates. */
export const maxPeriodDays = 3 * 366;

/** The last day any route accepts: the same date a year after `today` (29 February gives 1 March). */
export function latestDay(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  if (month === 2 && day === 29) return `${year + 1}-03-01`;
  return `${String(year + 1).padStart(4, '0')}${today.slice(4)}`;
}

/** Whether a `yyyy-mm-dd` day lies within the bounds; plain string order, no date arithmetic. */
export function isWithinBounds(day: string, today: string): boolean {
  return day >= earliestDay && day <= latestDay(today);
}
