// Calendar arithmetic in Asia/Baku: every day, ISO week and month the tracker reports is a Baku one,
// whatever the host's time zone. Days are `yyyy-mm-dd` strings, months `yyyy-mm`.

const bakuDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Baku',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Baku calendar day of an instant, as `yyyy-mm-dd`. */
export function bakuDay(instant: Date | string): string {
  return bakuDateFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The Baku calendar month of an instant, as `yyyy-mm`. */
export function bakuMonth(instant: Date | string): string {
  return bakuDay(instant).slice(0, 7);
}

/** Adds whole days to a `yyyy-mm-dd` day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The first instant (UTC ISO) of a Baku day. */
export function bakuDayStart(day: string): string {
  // Baku has kept UTC+4 without daylight saving since 2016; the offset is read, not assumed.
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const offsetMinutes = bakuOffsetMinutes(noonUtc);
  return new Date(Date.parse(`${day}T00:00:00Z`) - offsetMinutes * 60_000).toISOString();
}

function bakuOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Baku', timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(parts ?? '');
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** The Monday of the ISO week holding `day`. */
export function isoWeekStart(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The ISO week label of a day, e.g. `2026-W48`. */
export function isoWeekLabel(day: string): string {
  const thursday = addDays(isoWeekStart(day), 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(isoWeekStart(`${year}-01-04`), 3);
  const week = Math.round(daysBetween(firstThursday, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The last day of a `yyyy-mm` month. */
export function monthEnd(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** A period cut into whole months plus the loose days at its edges. */
export interface PeriodCover {
  months: string[];
  days: string[];
}

/**
 * Covers the days `from`..`to` (inclusive) with as many whole months as fit and single days for the
 * rest, so a year is read from at most 12 month aggregates plus its edge days.
 */
export function coverPeriod(from: string, to: string): PeriodCover {
  const months: string[] = [];
  const days: string[] = [];
  let day = from;
  while (day <= to) {
    const month = day.slice(0, 7);
    const lastOfMonth = monthEnd(month);
    if (day.endsWith('-01') && lastOfMonth <= to) {
      months.push(month);
      day = addDays(lastOfMonth, 1);
    } else {
      days.push(day);
      day = addDays(day, 1);
    }
  }
  return { months, days };
}
