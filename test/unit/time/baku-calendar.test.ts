import { describe, expect, it } from 'vitest';
import {
  addDays,
  bakuDay,
  bakuDayStart,
  coverPeriod,
  daysBetween,
  daysOf,
  isoWeekLabel,
  isoWeekStart,
  monthEnd,
  monthsOf,
} from '#shared/time/baku-calendar.ts';

describe('bakuDay', () => {
  it.each([
    ['2026-11-29T19:59:59Z', '2026-11-29'],
    ['2026-11-29T20:00:00Z', '2026-11-30'],
    ['2025-12-31T21:30:00Z', '2026-01-01'],
  ])('reads %s as the Baku day %s', (instant, day) => {
    expect(bakuDay(instant)).toBe(day);
  });
});

describe('bakuDayStart', () => {
  it('is 20:00 UTC on the day before', () => {
    expect(bakuDayStart('2026-03-01')).toBe('2026-02-28T20:00:00.000Z');
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-11-29', '2026-11-23', '2026-W48'],
    ['2027-01-01', '2026-12-28', '2026-W53'],
    ['2026-01-01', '2025-12-29', '2026-W01'],
  ])('puts %s in the week starting %s (%s)', (day, monday, label) => {
    expect(isoWeekStart(day)).toBe(monday);
    expect(isoWeekLabel(day)).toBe(label);
  });
});

describe('coverPeriod', () => {
  it('covers a calendar year with twelve months and no loose days', () => {
    expect(coverPeriod('2025-01-01', '2025-12-31')).toEqual({
      months: expect.arrayContaining(['2025-01', '2025-12']),
      days: [],
      excludedDays: [],
    });
    expect(coverPeriod('2025-01-01', '2025-12-31').months).toHaveLength(12);
  });

  it('covers a ragged year with whole months, reading a nearly full edge month minus its missing days', () => {
    const cover = coverPeriod('2025-11-29', '2026-11-28');

    expect(cover.days).toEqual(['2025-11-29', '2025-11-30']);
    expect(cover.months).toHaveLength(12);
    expect(cover.months.at(-1)).toBe('2026-11');
    expect(cover.excludedDays).toEqual(['2026-11-29', '2026-11-30']);
  });

  it('covers a single week with days only', () => {
    expect(coverPeriod('2026-11-23', '2026-11-29')).toEqual({
      months: [],
      days: [
        '2026-11-23',
        '2026-11-24',
        '2026-11-25',
        '2026-11-26',
        '2026-11-27',
        '2026-11-28',
        '2026-11-29',
      ],
      excludedDays: [],
    });
  });
});

describe('the ends of the calendar (years 0000 to 9999)', () => {
  it('writes every year with four digits, so string order stays date order', () => {
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01');
    expect(addDays('1000-01-01', -1)).toBe('0999-12-31');
    expect(addDays('0000-01-02', -1)).toBe('0000-01-01');
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(bakuDay('0999-06-15T12:00:00Z')).toBe('0999-06-15');
    expect(bakuDay('0000-01-01T12:00:00Z')).toBe('0000-01-01');
    expect(bakuDay('9999-12-31T12:00:00Z')).toBe('9999-12-31');
    expect('0999-06-15' < '1000-01').toBe(true);
  });

  it('knows the months and weeks at both ends, leap years included', () => {
    expect(monthEnd('0000-02')).toBe('0000-02-29');
    expect(monthEnd('1900-02')).toBe('1900-02-28');
    expect(monthEnd('9999-12')).toBe('9999-12-31');
    expect(monthsOf('0999-11-15', '1000-02-01')).toEqual(['0999-11', '0999-12', '1000-01', '1000-02']);
    expect(isoWeekLabel('0999-12-31')).toBe('1000-W01');
    expect(isoWeekLabel('0000-01-03')).toBe('0000-W01');
    expect(isoWeekLabel('9999-12-31')).toBe('9999-W52');
  });

  it('throws a RangeError instead of writing a day past either end ("+010000", "-000001")', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
    expect(() => monthEnd('10000-01')).toThrow(RangeError);
    expect(() => addDays('2025-02-30', 0)).toThrow(/not a calendar day/);
  });

  it('steps through a period as many times as it has days or months, and no more', () => {
    expect(daysOf('0999-12-30', '1000-01-02')).toEqual([
      '0999-12-30',
      '0999-12-31',
      '1000-01-01',
      '1000-01-02',
    ]);
    expect(daysOf('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect(daysOf('2026-05-02', '2026-05-01')).toEqual([]);
    expect(coverPeriod('9999-12-01', '9999-12-31')).toEqual({
      months: ['9999-12'],
      days: [],
      excludedDays: [],
    });
    expect(coverPeriod('0000-01-01', '0000-01-02').days).toEqual(['0000-01-01', '0000-01-02']);
    expect(coverPeriod('0001-01-01', '0001-01-31').months).toEqual(['0001-01']);
    expect(daysBetween('0000-01-01', '9999-12-31')).toBe(3_652_425);
  });
});
