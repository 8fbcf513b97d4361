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

/** The API's limit on one period (three years of aggregates). */
const maxPeriodDays = 3 * 366;

/** Whether `from`..`to` is a valid period: real dates, in order, within the API's limit. */
export function isValidPeriod(from, to) {
  const pattern = /^\d{4}-\d{2}-\d{2}$/;
  if (!pattern.test(from) || !pattern.test(to)) return false;
  if (Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return false;
  const days = daysBetween(from, to);
  return days >= 1 && days <= maxPeriodDays;
}
