// Schedule definitions shared by EventBridge Scheduler (cloud) and the local timer (`npm start`).
// Fields use EventBridge's cron syntax; every schedule runs in Asia/Baku time.

/** The functions a schedule can start. */
export type ScheduledFunction = 'dispatch' | 'weeklyDigest' | 'facebookSnapshot' | 'alerts';

/** One recurring job. */
export interface ScheduleDefinition {
  /** Stable id, also the key under which the last run is recorded. */
  id: string;
  description: string;
  target: ScheduledFunction;
  /** EventBridge cron fields (minute hour day-of-month month day-of-week year). */
  cron: { minute: string; hour: string; day?: string; month?: string; weekDay?: string; year?: string };
  timeZone: 'Asia/Baku';
}

/** Every schedule of the system. */
export const schedules: readonly ScheduleDefinition[] = [
  {
    id: 'poll-press',
    description: 'Queue every due press source for polling',
    target: 'dispatch',
    cron: { minute: '0/15', hour: '*' },
    timeZone: 'Asia/Baku',
  },
  {
    id: 'weekly-digest',
    description: 'E-mail the digest of the ISO week that ended, once per week',
    target: 'weeklyDigest',
    cron: { minute: '0', hour: '9', weekDay: 'MON' },
    timeZone: 'Asia/Baku',
  },
  {
    id: 'facebook-snapshot',
    // Early morning: yesterday's insights are final by then, and staff see them when they arrive.
    description: "Snapshot the council's Facebook page: totals, recent posts, daily insights",
    target: 'facebookSnapshot',
    cron: { minute: '30', hour: '6' },
    timeZone: 'Asia/Baku',
  },
  {
    id: 'alerts',
    // Every 5 minutes: soon after each 15-minute poll, and a failed webhook's first retry is due in 2.
    description: 'Send instant alerts of new mentions and spikes to their subscribers',
    target: 'alerts',
    cron: { minute: '0/5', hour: '*' },
    timeZone: 'Asia/Baku',
  },
];

/** The EventBridge expression of a schedule, e.g. `cron(0/15 * * * ? *)`. */
export function eventBridgeExpression(schedule: ScheduleDefinition): string {
  const { minute, hour, day, month = '*', weekDay, year = '*' } = schedule.cron;
  // EventBridge requires exactly one of day-of-month and day-of-week to be '?'.
  const dayOfMonth = weekDay ? '?' : (day ?? '*');
  const dayOfWeek = weekDay ?? '?';
  return `cron(${minute} ${hour} ${dayOfMonth} ${month} ${dayOfWeek} ${year})`;
}
