// Calendar arithmetic in Asia/Baku: every day, ISO week and month the tracker reports is a Baku one,
// whatever the host's time zone. Days are `yyyy-mm-dd` strings, months `yyyy-mm`, with four-digit
// years from 0000 to 9999 so that string order is date order; a result outside that range throws a
// RangeError rather than being written some other way ("999-06-15", "+010000-01-01").

const msPerDay = 86_400_000;
/** Midnight UTC of 0000-01-01 and of 9999-12-31 (the proleptic Gregorian calendar). */
const firstMs = new Date(0).setUTCFullYear(0, 0, 1);
const lastMs = Date.UTC(9999, 11, 31);
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The `yyyy-mm-dd` day of a UTC millisecond count, zero-padded; throws outside 0000–9999. */
function formatUtcDay(ms: number): string {
  if (!Number.isFinite(ms) || ms < firstMs || ms >= lastMs + msPerDay) {
    throw new RangeError('day outside the calendar range 0000-01-01 to 9999-12-31');
  }
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** Midnight UTC of a `yyyy-mm-dd` day; throws a RangeError for anything else. */
function dayMs(day: string): number {
  const match = dayPattern.exec(day);
  if (!match) throw new RangeError(`not a yyyy-mm-dd day: "${day}"`);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999.
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, date);
  if (at.getUTCMonth() !== month - 1 || at.getUTCDate() !== date) {
    throw new RangeError(`not a calendar day: "${day}"`);
  }
  return at.getTime();
}

// Time-zone formatters cost milliseconds to build; every cold start imports this module, and only
// the requests that touch dates need them.
let dayParts: Intl.DateTimeFormat | undefined;
let offsetParts: Intl.DateTimeFormat | undefined;
const bakuParts = (): Intl.DateTimeFormat =>
  (dayParts ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Baku',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    era: 'short',
  }));
const offsetFormat = (): Intl.DateTimeFormat =>
  (offsetParts ??= new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Baku', timeZoneName: 'longOffset' }));

/** The Baku calendar day of an instant, as `yyyy-mm-dd`. */
export function bakuDay(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(
    bakuParts()
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  // Years before the common era come as era "BC"; they are outside the range anyway.
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const at = new Date(0);
  at.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  return formatUtcDay(at.getTime());
}

/** The Baku calendar month of an instant, as `yyyy-mm`. */
export function bakuMonth(instant: Date | string): string {
  return bakuDay(instant).slice(0, 7);
}

/** Adds whole days to a `yyyy-mm-dd` day. */
export function addDays(day: string, days: number): string {
  return formatUtcDay(dayMs(day) + days * msPerDay);
}

/** Days from `from` to `to`, both included (zero or less when `to` is before `from`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / msPerDay) + 1;
}

/** Every day from `from` to `to`, both included; as many steps as the period has days. */
export function daysOf(from: string, to: string): string[] {
  const start = dayMs(from);
  const count = Math.max(0, daysBetween(from, to));
  return Array.from({ length: count }, (_, index) => formatUtcDay(start + index * msPerDay));
}

/** The first instant (UTC ISO) of a Baku day. */
export function bakuDayStart(day: string): string {
  // Baku has kept UTC+4 without daylight saving since 2016; the offset is read, not assumed.
  const midnight = dayMs(day);
  const offsetMinutes = bakuOffsetMinutes(new Date(midnight + msPerDay / 2));
  return new Date(midnight - offsetMinutes * 60_000).toISOString();
}

function bakuOffsetMinutes(instant: Date): number {
  const name = offsetFormat()
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0;
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** The Monday of the ISO week holding `day`. */
export function isoWeekStart(day: string): string {
  const weekday = new Date(dayMs(day)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The ISO week label of a day, e.g. `2026-W48`. */
export function isoWeekLabel(day: string): string {
  const thursday = new Date(dayMs(isoWeekStart(day)) + 3 * msPerDay);
  const year = thursday.getUTCFullYear();
  const january4 = new Date(0);
  january4.setUTCFullYear(year, 0, 4);
  const firstMonday = january4.getTime() - ((january4.getUTCDay() + 6) % 7) * msPerDay;
  const week = Math.round((thursday.getTime() - 3 * msPerDay - firstMonday) / (7 * msPerDay)) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** The last day of a `yyyy-mm` month. */
export function monthEnd(month: string): string {
  const next = new Date(dayMs(`${month}-01`));
  next.setUTCMonth(next.getUTCMonth() + 1, 0);
  return formatUtcDay(next.getTime());
}

/** The months a period touches, first to last, as `yyyy-mm`; as many steps as months. */
export function monthsOf(from: string, to: string): string[] {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  const count = Math.max(0, (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1);
  return Array.from({ length: count }, (_, index) => {
    const months = fromYear * 12 + (fromMonth - 1) + index;
    return `${String(Math.floor(months / 12)).padStart(4, '0')}-${String((months % 12) + 1).padStart(2, '0')}`;
  });
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
  if (from > to) return cover;
  for (const month of monthsOf(from, to)) {
    const monthStart = `${month}-01`;
    const last = monthEnd(month);
    const inside = daysOf(from > monthStart ? from : monthStart, to < last ? to : last);
    const outside = daysOf(monthStart, last).filter((day) => day < from || day > to);
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
