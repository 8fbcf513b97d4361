// Reporting periods in the Asia/Baku calendar: ISO weeks (Monday first), months, quarters, years.

const bakuDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Baku',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's Baku date as `yyyy-mm-dd`, whatever the browser's own time zone. */
export function bakuToday(now = new Date()) {
  return bakuDate.format(now);
}

/** Adds whole days to a `yyyy-mm-dd` day (calendar arithmetic in UTC, so no DST surprises). */
export function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function mondayOf(day) {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

function lastDayOfMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The whole calendar period a preset names, around `today`. Whole periods (not "to date") keep the
 * comparison with the previous period of equal length fair: a week against a week.
 */
export function presetRange(preset, today = bakuToday()) {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'this-week': {
      const monday = mondayOf(today);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'last-week': {
      const monday = addDays(mondayOf(today), -7);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return {
        from: `${year}-${String(first).padStart(2, '0')}-01`,
        to: lastDayOfMonth(year, first + 2),
      };
    }
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    default:
      return { from: `${today.slice(0, 7)}-01`, to: lastDayOfMonth(year, month) };
  }
}

/** Chart buckets that keep the series readable: days up to a month, weeks up to a quarter, then months. */
export function granularityFor(from, to) {
  const days = daysBetween(from, to);
  if (days <= 31) return 'day';
  if (days <= 120) return 'week';
  return 'month';
}

// The same bounds as the API (shared/time/period-bounds.ts): from 2000-01-01 to a year after today,
// at most three years at once.
export const earliestDay = '2000-01-01';
export const maxPeriodDays = 3 * 366;

/** The last day the API accepts: the same date a year after `today` (29 February gives 1 March). */
export function latestDay(today = bakuToday()) {
  const [year, month, day] = today.split('-').map(Number);
  if (month === 2 && day === 29) return `${year + 1}-03-01`;
  return `${String(year + 1).padStart(4, '0')}${today.slice(4)}`;
}

/**
 * What is wrong with `from`..`to`, as a locale key and its values, or null for a valid period:
 * real dates, within the bounds, in order, within the length limit.
 */
export function periodProblem(from, to, today = bakuToday()) {
  const pattern = /^\d{4}-\d{2}-\d{2}$/;
  const real = (day) => pattern.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
  if (!real(from) || !real(to)) return { key: 'period.notADate', values: {} };
  const latest = latestDay(today);
  for (const day of [from, to]) {
    if (day < earliestDay || day > latest) {
      return { key: 'period.outOfRange', values: { earliest: earliestDay, latest } };
    }
  }
  if (from > to) return { key: 'period.invalid', values: {} };
  if (daysBetween(from, to) > maxPeriodDays) {
    return { key: 'period.tooLong', values: { max: maxPeriodDays } };
  }
  return null;
}

/** Whether `from`..`to` is a valid period. */
export function isValidPeriod(from, to, today = bakuToday()) {
  return periodProblem(from, to, today) === null;
}
