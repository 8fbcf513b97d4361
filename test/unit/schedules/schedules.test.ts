import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { cronerPattern } from '../../../infra/local/local-scheduler.ts';
import { eventBridgeExpression, type ScheduleDefinition, schedules } from '../../../shared/schedules.ts';

const mondayMorning: ScheduleDefinition = {
  id: 'weekly',
  description: 'Monday 09:00 in Baku',
  target: 'dispatch',
  cron: { minute: '0', hour: '9', weekDay: 'MON' },
  timeZone: 'Asia/Baku',
};

function nextLocalRun(schedule: ScheduleDefinition, after: string): string | undefined {
  const job = new Cron(cronerPattern(schedule), {
    timezone: schedule.timeZone,
    sloppyRanges: true,
    paused: true,
  });
  return job.nextRun(new Date(after))?.toISOString();
}

describe('schedule definitions', () => {
  it('give EventBridge and the local timer the same poll schedule', () => {
    const poll = schedules.find((schedule) => schedule.id === 'poll-press') as ScheduleDefinition;
    expect(eventBridgeExpression(poll)).toBe('cron(0/15 * * * ? *)');
    expect(nextLocalRun(poll, '2026-11-29T17:07:00Z')).toBe('2026-11-29T17:15:00.000Z');
  });

  it('send the weekly digest on Monday 09:00 Baku time, in the cloud and locally', () => {
    const digest = schedules.find((schedule) => schedule.id === 'weekly-digest') as ScheduleDefinition;
    expect(digest.target).toBe('weeklyDigest');
    expect(eventBridgeExpression(digest)).toBe('cron(0 9 ? * MON *)');
    expect(nextLocalRun(digest, '2026-11-29T22:00:00Z')).toBe('2026-11-30T05:00:00.000Z');
  });

  it('read a weekday schedule in Baku time, not the host time', () => {
    expect(eventBridgeExpression(mondayMorning)).toBe('cron(0 9 ? * MON *)');
    // Sunday 22:00 UTC is already Monday 02:00 in Baku; 09:00 Baku is 05:00 UTC.
    expect(nextLocalRun(mondayMorning, '2026-11-29T22:00:00Z')).toBe('2026-11-30T05:00:00.000Z');
  });

  it('numbers weekdays as EventBridge does (1 is Sunday) when the schedule uses digits', () => {
    const numericMonday: ScheduleDefinition = {
      ...mondayMorning,
      cron: { minute: '0', hour: '9', weekDay: '2' },
    };
    expect(nextLocalRun(numericMonday, '2026-11-29T22:00:00Z')).toBe('2026-11-30T05:00:00.000Z');
  });
});
