// Runs each schedule locally from the same definitions EventBridge Scheduler gets in the cloud:
// same cron fields, same Asia/Baku time zone.
import { Cron } from 'croner';
import { type ScheduleDefinition, type ScheduledFunction, schedules } from '#shared/schedules.ts';

/** What a schedule starts locally. */
export type LocalTargets = Record<ScheduledFunction, (schedule: ScheduleDefinition) => Promise<void>>;

/** The croner pattern of an EventBridge schedule (croner reads `?` and, with sloppy ranges, `0/15`). */
export function cronerPattern(schedule: ScheduleDefinition): string {
  const { minute, hour, day, month = '*', weekDay } = schedule.cron;
  return `${minute} ${hour} ${weekDay ? '*' : (day ?? '*')} ${month} ${weekDay ? cronerWeekDay(weekDay) : '*'}`;
}

/** EventBridge numbers weekdays 1–7 from Sunday, croner 0–6; names and `#n` suffixes are the same. */
function cronerWeekDay(weekDay: string): string {
  return weekDay.replace(/(?<!#)\b[1-7]\b/g, (digit) => String(Number(digit) - 1));
}

/** Starts a timer per schedule; a run still going when the next is due is skipped, like a busy worker. */
export function startLocalScheduler(
  targets: LocalTargets,
  onError: (error: unknown) => void,
): { stop(): void } {
  const jobs = schedules.map(
    (schedule) =>
      new Cron(
        cronerPattern(schedule),
        { timezone: schedule.timeZone, sloppyRanges: true, protect: true, name: schedule.id },
        () => targets[schedule.target](schedule).catch(onError),
      ),
  );
  return {
    stop: () => {
      for (const job of jobs) job.stop();
    },
  };
}

/** When each schedule fires next, for the start banner. */
export function nextRuns(): Array<{ id: string; next: Date | null }> {
  return schedules.map((schedule) => ({
    id: schedule.id,
    next: new Cron(cronerPattern(schedule), {
      timezone: schedule.timeZone,
      sloppyRanges: true,
      paused: true,
    }).nextRun(),
  }));
}
