// Quiet hours in Baku time. Azerbaijan has kept UTC+4 all year since 2016 (no daylight saving), so
// local minutes are UTC minutes plus 240.
import type { QuietHours } from './alert-subscription.ts';

const bakuOffsetMinutes = 4 * 60;
const minutesPerDay = 24 * 60;

/** Minutes after midnight of an `HH:MM` text. */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function bakuMinuteOfDay(now: Date): number {
  const utc = now.getUTCHours() * 60 + now.getUTCMinutes();
  return (utc + bakuOffsetMinutes) % minutesPerDay;
}

/** Whether `now` falls in the quiet hours (start included, end excluded). */
export function isQuiet(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const minute = bakuMinuteOfDay(now);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The instant the quiet hours around `now` end: `now` itself when they are not on. */
export function quietEnd(quiet: QuietHours | null, now: Date): Date {
  if (!quiet || !isQuiet(quiet, now)) return now;
  const minute = bakuMinuteOfDay(now);
  const wait = (minutesOf(quiet.end) - minute + minutesPerDay) % minutesPerDay;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + wait * 60_000);
}
