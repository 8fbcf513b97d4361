import { describe, expect, it } from 'vitest';
import { parseIsoWeek, previousIsoWeek } from '#shared/digest/digest-week.ts';

describe('parseIsoWeek', () => {
  it.each([
    ['2026-W48', '2026-11-23', '2026-11-29'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2020-W53', '2020-12-28', '2021-01-03'],
  ])('reads %s as %s to %s', (label, from, to) => {
    expect(parseIsoWeek(label)).toEqual({ week: label, from, to });
  });

  it.each(['2026-W54', '2026-W00', '2026-48', 'W48', '2025-W53'])(
    'refuses %s with the field named',
    (label) => {
      expect(() => parseIsoWeek(label)).toThrow(/^week: /);
    },
  );
});

describe('previousIsoWeek', () => {
  it('is the week that ended before a Monday morning in Baku, whatever UTC says', () => {
    // Monday 09:00 Baku.
    expect(previousIsoWeek(new Date('2026-11-30T05:00:00Z')).week).toBe('2026-W48');
    // Sunday 21:00 UTC is already Monday 01:00 in Baku.
    expect(previousIsoWeek(new Date('2026-11-29T21:00:00Z')).week).toBe('2026-W48');
    // Sunday 19:00 UTC is Sunday 23:00 in Baku: W48 is not over yet.
    expect(previousIsoWeek(new Date('2026-11-29T19:00:00Z')).week).toBe('2026-W47');
  });
});
