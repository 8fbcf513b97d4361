import { describe, expect, it } from 'vitest';
import {
  bakuDay,
  bakuDayStart,
  coverPeriod,
  isoWeekLabel,
  isoWeekStart,
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
