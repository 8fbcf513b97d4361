// Number, date and change formatting in the chosen language; dates are shown in Baku time.
import { language, locale, t } from './i18n.js';

/**
 * Azerbaijani month and weekday names, used instead of Intl's: some Chromium builds ship ICU without
 * Azerbaijani data and print "2026 M11 29". Weekdays start on Sunday, as Date#getUTCDay counts.
 */
export const azNames = {
  months: [
    'yanvar',
    'fevral',
    'mart',
    'aprel',
    'may',
    'iyun',
    'iyul',
    'avqust',
    'sentyabr',
    'oktyabr',
    'noyabr',
    'dekabr',
  ],
  monthsShort: ['yan', 'fev', 'mar', 'apr', 'may', 'iyn', 'iyl', 'avq', 'sen', 'okt', 'noy', 'dek'],
  weekdays: ['bazar', 'bazar ertəsi', 'çərşənbə axşamı', 'çərşənbə', 'cümə axşamı', 'cümə', 'şənbə'],
  weekdaysShort: ['B.', 'B.e.', 'Ç.a.', 'Ç.', 'C.a.', 'C.', 'Ş.'],
};

const bakuParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Baku',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A whole number with the language's grouping. */
export function formatNumber(value) {
  return new Intl.NumberFormat(locale()).format(value ?? 0);
}

/** A percentage with at most one decimal. */
export function formatPercent(fraction) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A `yyyy-mm-dd` calendar day as a readable date (no time zone shift: it already is a Baku day). */
export function formatDay(day) {
  if (language() === 'az') {
    const [year, month, date] = day.split('-').map(Number);
    return `${date} ${azNames.months[month - 1]} ${year}`;
  }
  const date = new Date(`${day}T12:00:00Z`);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An ISO instant as a Baku date and time. */
export function formatInstant(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (language() === 'az') {
    const parts = Object.fromEntries(bakuParts.formatToParts(date).map((part) => [part.type, part.value]));
    return `${formatDay(`${parts.year}-${parts.month}-${parts.day}`)}, ${parts.hour}:${parts.minute}`;
  }
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Baku',
  }).format(date);
}

/** "+3 (+25%)" style change from `previous` to `current`; "new" when the previous was zero. */
export function formatChange(current, previous) {
  const delta = current - previous;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const absolute = `${sign}${formatNumber(Math.abs(delta))}`;
  if (previous === 0) return current === 0 ? `${absolute}` : `${absolute} (${t('change.new')})`;
  const percent = formatPercent(Math.abs(delta) / previous);
  return `${absolute} (${sign}${percent})`;
}

/** "up", "down" or "same", for styling the change. */
export function changeDirection(current, previous) {
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}
