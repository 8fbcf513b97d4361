// Reads the dates feeds and listing pages carry: RFC 822 (with localized day and month names),
// ISO 8601, Unix time, `dd.mm.yyyy HH:MM`, `5 Mart 2024 | 14:30`, `5 марта 2024, 10:15`.
import { zonedTimeToUtc } from './zoned-time.ts';

// Month names by prefix, English, Azerbaijani and Russian (genitive forms included by prefix).
const monthPrefixes: [string[], number][] = [
  [['jan', 'yan', 'янв'], 1],
  [['feb', 'fev', 'фев'], 2],
  [['mar', 'мар'], 3],
  [['apr', 'апр'], 4],
  [['may', 'мая', 'май', 'мае'], 5],
  [['jun', 'iyun', 'июн'], 6],
  [['jul', 'iyul', 'июл'], 7],
  [['aug', 'avq', 'авг'], 8],
  [['sep', 'sen', 'сен'], 9], // Azerbaijani Sentyabr
  [['oct', 'okt', 'окт'], 10],
  [['nov', 'noy', 'ноя'], 11],
  [['dec', 'dek', 'дек'], 12],
];

/** The month number of an English, Azerbaijani or Russian month name or abbreviation. */
export function monthFromName(name: string): number | undefined {
  // Turkish-aware lowering turns İ into i, but also a plain I into ı ("IYUN" → "ıyun"): Azerbaijani
  // text typed on a Latin keyboard writes İyun as Iyun, so ı is folded to i before matching.
  const lower = name.toLocaleLowerCase('tr').replace(/ı/g, 'i').replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  return monthPrefixes.find(([prefixes]) => prefixes.some((p) => lower.startsWith(p)))?.[1];
}

// RFC 822 §5.1 zone names, plus Baku and Moscow abbreviations seen in regional feeds.
const zoneNames: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  AZT: 4,
  MSK: 3,
};

function offsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  const upper = zone.toUpperCase();
  if (upper in zoneNames) return (zoneNames[upper] ?? 0) * 60;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

type Fields = { year: number; month: number; day: number; hour?: number; minute?: number; second?: number };

function instant(fields: Fields, zone: string | undefined, timeZone: string): Date | undefined {
  const offset = offsetMinutes(zone);
  if (zone && offset === undefined) return undefined;
  const local = zonedTimeToUtc(fields, offset === undefined ? timeZone : 'UTC');
  return local && offset !== undefined ? new Date(local.getTime() - offset * 60_000) : local;
}

const num = (v: string | undefined): number | undefined => (v === undefined ? undefined : Number(v));
const letters = '[A-Za-zÀ-ɏƏəЁёА-я]+';

const iso =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[,\s|]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// Russian writes the year with "г." or "года" after it ("5 мар. 2025 г. 09:30").
const yearWord = '(?:\\s*(?:г\\.|года|год|г(?=[\\s,]|$)))?';
const named = new RegExp(
  `^(?:${letters}\\.?(?:\\s+${letters}\\.?)*,\\s*|${letters}\\s+)?(\\d{1,2})\\s+(${letters})\\.?,?\\s+(\\d{2,4})${yearWord}(?:[,\\s|]+(?:в\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?(?:\\s*([+-]\\d{2}:?\\d{2}|[A-Za-z]{1,4}))?$`,
);

/** Parses a date text; offset-less times are read in `timeZone`. Undefined when unreadable. */
export function parseDateText(value: string, timeZone = 'UTC'): Date | undefined {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length > 80) return undefined; // no date is longer; bounds the regex work on hostile input
  let m = iso.exec(text);
  if (m) {
    const f = {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: num(m[4]),
      minute: num(m[5]),
      second: num(m[6]),
    };
    return instant(f, m[7], timeZone);
  }
  m = dotted.exec(text);
  if (m) {
    const f = {
      year: Number(m[3]),
      month: Number(m[2]),
      day: Number(m[1]),
      hour: num(m[4]),
      minute: num(m[5]),
      second: num(m[6]),
    };
    return instant(f, undefined, timeZone);
  }
  m = named.exec(text);
  if (m) {
    const month = monthFromName(m[2] ?? '');
    if (month === undefined) return undefined;
    let year = Number(m[3]);
    if (year < 100) year += year < 50 ? 2000 : 1900; // RFC 822 two-digit years
    const f = { year, month, day: Number(m[1]), hour: num(m[4]), minute: num(m[5]), second: num(m[6]) };
    return instant(f, m[7], timeZone);
  }
  return undefined;
}

/**
 * Parses a machine date attribute: ISO 8601, or Unix time in seconds (≤ 11 integer digits, a
 * fraction allowed) or milliseconds.
 */
export function parseDateAttribute(value: string, timeZone = 'UTC'): Date | undefined {
  const text = value.trim();
  const unix = /^(\d{9,14})(?:\.\d+)?$/.exec(text);
  if (unix) {
    const whole = unix[1] ?? '';
    return new Date(whole.length <= 11 ? Math.round(Number(text) * 1000) : Number(whole));
  }
  return parseDateText(text, timeZone);
}

/** A usable publication date, or null with the reason it was not usable. */
export interface DateAssessment {
  published: string | null;
  dateFlag?: 'missing' | 'impossible';
}

// Nothing in this press predates the web; earlier years are placeholders (0000-00-00, 1970-01-01).
const earliest = Date.UTC(1995, 0, 1);

/** Judges a parsed date: missing, impossible (placeholder, unreadable, > 24 h ahead) or usable. */
export function assessDate(raw: string | undefined, parsed: Date | undefined, now: Date): DateAssessment {
  if (!raw?.trim()) return { published: null, dateFlag: 'missing' };
  const time = parsed?.getTime();
  if (time === undefined || Number.isNaN(time) || time < earliest || time > now.getTime() + 24 * 3600_000) {
    return { published: null, dateFlag: 'impossible' };
  }
  return { published: new Date(time).toISOString() };
}

const embedded = new RegExp(
  `\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?|\\d{1,2}[./]\\d{1,2}[./]\\d{4}(?:[,\\s|]+\\d{1,2}:\\d{2})?|\\d{1,2}\\s+${letters}\\.?,?\\s+\\d{4}${yearWord}(?:[,\\s|]+(?:в\\s+)?\\d{1,2}:\\d{2})?(?:\\s*[+-]\\d{2}:?\\d{2})?`,
);

/** Finds and parses a date inside a longer text ("Yenilənib: 5 Mart 2024 | 14:30"). */
export function findDateInText(text: string, timeZone = 'UTC'): Date | undefined {
  const whole = parseDateText(text, timeZone);
  if (whole) return whole;
  const match = embedded.exec(text.slice(0, 2000));
  return match ? parseDateText(match[0], timeZone) : undefined;
}
