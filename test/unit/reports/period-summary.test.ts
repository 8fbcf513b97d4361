import { describe, expect, it } from 'vitest';
import { planSummary, summarise } from '#shared/reports/period-summary.ts';
import type { CounterSet } from '#shared/store/aggregate-reads.ts';

describe('summarise', () => {
  it('reads a nearly full month as the month minus its excluded days', () => {
    const counters = new Map<string, CounterSet>([
      [
        '2026-11',
        {
          total: 10,
          'p#azer-allahveranov': 6,
          'p#sahib-mammadov': 2,
          'g#public-council-sms': 2,
          'o#apa': 7,
          'o#report': 3,
          'l#az': 10,
        },
      ],
      [
        '2026-11-30',
        { total: 3, 'p#sahib-mammadov': 2, 'g#public-council-sms': 1, 'o#report': 3, 'l#az': 3 },
      ],
    ]);
    expect(planSummary('2026-11-01', '2026-11-29', 'month').totals).toEqual([
      { aggregate: '2026-11', sign: 1, seriesBucket: '2026-11' },
      { aggregate: '2026-11-30', sign: -1, seriesBucket: '2026-11' },
    ]);

    const summary = summarise('2026-11-01', '2026-11-29', 'month', counters);

    expect(summary.totals).toEqual({
      mentions: 7,
      distinctOutlets: 1,
      membersMentioned: 1,
      perMember: { 'azer-allahveranov': 6 },
      perOrganisation: { 'public-council-sms': 1 },
      perOutlet: { apa: 7 },
      perLanguage: { az: 7 },
    });
    expect(summary.series).toEqual([{ bucket: '2026-11', mentions: 7 }]);
    // A member's line subtracts its excluded days as the total does, a person's or an organisation's.
    const withMembers = summarise('2026-11-01', '2026-11-29', 'month', counters, [
      'sahib-mammadov',
      'public-council-sms',
      'davud-rahimli',
    ]);
    expect(withMembers.memberSeries).toEqual([
      { member: 'sahib-mammadov', series: [{ bucket: '2026-11', mentions: 0 }] },
      { member: 'public-council-sms', series: [{ bucket: '2026-11', mentions: 1 }] },
      { member: 'davud-rahimli', series: [{ bucket: '2026-11', mentions: 0 }] },
    ]);
    expect(summary.memberSeries).toBeUndefined();
  });

  it('fills empty day buckets with zero and compares with the previous period of equal length', () => {
    const counters = new Map<string, CounterSet>([
      ['2026-11-24', { total: 2, 'o#apa': 2 }],
      ['2026-11-17', { total: 1, 'o#apa': 1 }],
    ]);

    const summary = summarise('2026-11-23', '2026-11-29', 'day', counters);

    expect(summary.series).toHaveLength(7);
    expect(summary.series[1]).toEqual({ bucket: '2026-11-24', mentions: 2 });
    expect(summary.previous.period).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(summary.previous.totals.mentions).toBe(1);
  });

  it('builds a weekly series from week aggregates and the edge weeks from days', () => {
    const counters = new Map<string, CounterSet>([
      ['2026-W47', { total: 4 }],
      ['2026-W48', { total: 1 }],
      ['2026-11-29', { total: 9 }],
      ['2026-11-14', { total: 7 }],
      ['2026-11-15', { total: 2 }],
    ]);

    const summary = summarise('2026-11-15', '2026-11-29', 'week', counters);

    expect(summary.series).toEqual([
      { bucket: '2026-11-09', mentions: 2 },
      { bucket: '2026-11-16', mentions: 4 },
      { bucket: '2026-11-23', mentions: 1 },
    ]);
  });

  it('reads a year of weekly series in one or two batches of aggregates', () => {
    const { buckets, seriesBuckets } = planSummary('2025-11-30', '2026-11-29', 'week');
    const keys = [buckets, seriesBuckets].reduce(
      (sum, set) => sum + set.months.length + set.weeks.length + set.days.length,
      0,
    );

    expect(seriesBuckets.weeks.length).toBeGreaterThanOrEqual(51);
    expect(buckets.weeks).toEqual([]);
    expect(keys).toBeLessThanOrEqual(200);
  });
});
