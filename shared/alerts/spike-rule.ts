// The spike rule: a day whose mentions exceed three times the trailing 14-day daily average, and
// number at least five (so a quiet member's two mentions after a silent fortnight are no spike).

/** Days averaged before the day judged. */
export const trailingDays = 14;
const factor = 3;
const minimumMentions = 5;

/** Whether `today` mentions are a spike over the trailing days' counts (missing days count zero). */
export function isSpike(today: number, trailing: readonly number[]): boolean {
  const average = trailing.reduce((sum, count) => sum + count, 0) / trailingDays;
  return today >= minimumMentions && today > factor * average;
}
