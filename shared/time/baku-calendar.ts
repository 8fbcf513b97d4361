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

/** A period as aggregates to add (whole months, single days) and single days to take away. */
export interface PeriodCover {
  months: string[];
  days: string[];
  /** Days read with their month but outside the period: their counts are subtracted. */
  excludedDays: string[];
}

/**
 * Covers the days `from`..`to` (inclusive) with the fewest aggregate items: a month lying wholly
 * inside is one item; a partial month is either its days inside, or the month minus its days
 * outside, whichever reads fewer items. A year therefore costs at most 13 months and a few days.
 */
export function coverPeriod(from: string, to: string): PeriodCover {
  const cover: PeriodCover = { months: [], days: [], excludedDays: [] };
  for (
    let monthStart = `${from.slice(0, 7)}-01`;
    monthStart <= to;
    monthStart = addDays(monthEnd(monthStart.slice(0, 7)), 1)
  ) {
    const month = monthStart.slice(0, 7);
    const last = monthEnd(month);
    const inside = daysFromTo(from > monthStart ? from : monthStart, to < last ? to : last);
    const outside = daysFromTo(monthStart, last).filter((day) => day < from || day > to);
    if (outside.length === 0) {
      cover.months.push(month);
    } else if (outside.length + 1 < inside.length) {
      cover.months.push(month);
      cover.excludedDays.push(...outside);
    } else {
      cover.days.push(...inside);
    }
  }
  return cover;
}

function daysFromTo(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
