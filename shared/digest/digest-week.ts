// ISO weeks (Monday to Sunday) in the Asia/Baku calendar: parsing `2026-W48`, and the week just ended.
import { ValidationError } from '../errors.ts';
import { addDays, bakuDay, isoWeekLabel, isoWeekStart } from '../time/baku-calendar.ts';

/** One ISO week: its label and its first and last Baku days. */
export interface IsoWeek {
  week: string;
  from: string;
  to: string;
}

/** The week a label such as `2026-W48` names; a label that is not a real week is refused. */
export function parseIsoWeek(label: string): IsoWeek {
  const match = /^(\d{4})-W(\d{2})$/.exec(label.trim());
  if (match) {
    // ISO 8601: week 1 is the week holding 4 January.
    const monday = addDays(isoWeekStart(`${match[1]}-01-04`), (Number(match[2]) - 1) * 7);
    if (Number(match[2]) >= 1 && isoWeekLabel(monday) === label.trim()) {
      return { week: label.trim(), from: monday, to: addDays(monday, 6) };
    }
  }
  throw new ValidationError(`week: "${label}" is not an ISO week such as 2026-W48`, {
    details: { field: 'week' },
  });
}

/** The last whole week before `now` in Baku (on a Monday morning, the week that ended last night). */
export function previousIsoWeek(now: Date): IsoWeek {
  const monday = addDays(isoWeekStart(bakuDay(now)), -7);
  return { week: isoWeekLabel(monday), from: monday, to: addDays(monday, 6) };
}
