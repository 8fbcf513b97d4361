// The period bounds of the API and of the dashboard are one rule written twice (TypeScript for the
// functions, plain JavaScript for the browser): both are checked here on the same days.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/errors.ts';
import { earliestDay, isWithinBounds, latestDay, maxPeriodDays } from '#shared/time/period-bounds.ts';
import { resolvePeriod } from '../../../functions/api/period.ts';

/** The dashboard's period module (plain JavaScript, loaded as the browser loads it). */
interface DashboardPeriod {
  earliestDay: string;
  maxPeriodDays: number;
  latestDay(today: string): string;
  periodProblem(from: string, to: string, today: string): { key: string; values: object } | null;
}
const dashboardModule = '../../../functions/api/static/js/period.js';
const dashboard = (await import(dashboardModule)) as DashboardPeriod;

const now = new Date('2026-11-30T08:00:00Z');
const today = '2026-11-30';

describe('period bounds', () => {
  it.each([
    ['1999-12-31', false],
    ['2000-01-01', true],
    [today, true],
    ['2027-11-30', true],
    ['2027-12-01', false],
    ['0000-01-01', false],
    ['0999-06-15', false],
    ['1000-01-31', false],
    ['9999-12-31', false],
  ])('%s is within the bounds: %s (API and dashboard alike)', (day, within) => {
    expect(isWithinBounds(day, today)).toBe(within);
    expect(dashboard.periodProblem(day, day, today) === null).toBe(within);
  });

  it('ends a year after today, 29 February giving 1 March, the same in both copies', () => {
    for (const day of ['2026-11-30', '2028-02-29', '2027-12-31', '2026-01-01']) {
      expect(dashboard.latestDay(day)).toBe(latestDay(day));
    }
    expect(latestDay('2028-02-29')).toBe('2029-03-01');
    expect(dashboard.earliestDay).toBe(earliestDay);
    expect(dashboard.maxPeriodDays).toBe(maxPeriodDays);
  });

  it('says what is wrong with a period in the dashboard', () => {
    expect(dashboard.periodProblem('1999-12-31', '2000-01-31', today)).toEqual({
      key: 'period.outOfRange',
      values: { earliest: '2000-01-01', latest: '2027-11-30' },
    });
    expect(dashboard.periodProblem('2026-11-30', '2026-11-01', today)?.key).toBe('period.invalid');
    expect(dashboard.periodProblem('2020-01-01', '2026-11-01', today)).toEqual({
      key: 'period.tooLong',
      values: { max: maxPeriodDays },
    });
    expect(dashboard.periodProblem('', '2026-11-01', today)?.key).toBe('period.notADate');
  });
});

describe('resolvePeriod', () => {
  it('refuses a day outside the bounds with the bounds in the message', () => {
    for (const query of [
      { from: '1999-12-31', to: '2000-01-05' },
      { to: '2027-12-01' },
      { from: '0000-01-01' },
    ]) {
      expect(() => resolvePeriod(query, now)).toThrow(ValidationError);
    }
    expect(() => resolvePeriod({ from: '0000-01-01', to: '0000-01-02' }, now)).toThrow(
      'from: must be a day from 2000-01-01 to 2027-11-30',
    );
  });

  it('accepts both ends, and starts a default period no earlier than the first day', () => {
    expect(resolvePeriod({ from: '2000-01-01', to: '2000-01-31' }, now).from).toBe('2000-01-01');
    expect(resolvePeriod({ from: '2027-11-01', to: '2027-11-30' }, now).to).toBe('2027-11-30');
    expect(resolvePeriod({ to: '2000-01-05' }, now)).toMatchObject({ from: '2000-01-01', to: '2000-01-05' });
  });
});
