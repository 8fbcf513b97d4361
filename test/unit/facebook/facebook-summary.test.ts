// The period summary from stored snapshots, checked against figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { summariseFacebookPeriod } from '#shared/facebook/facebook-summary.ts';
import { boundaryDays, boundaryPosts, boundarySummary } from '../../fixtures/facebook/month-boundary.ts';

describe('summariseFacebookPeriod', () => {
  it('counts Baku days across the October/November boundary, with the previous period', () => {
    // Act
    const summary = summariseFacebookPeriod(
      { from: '2026-10-30', to: '2026-11-02' },
      boundaryPosts,
      boundaryDays,
    );

    // Assert
    expect(summary).toEqual(boundarySummary);
  });

  it('answers null, never 0, for figures with no stored metric, and 0 for days without posts', () => {
    // Act
    const summary = summariseFacebookPeriod(
      { from: '2026-09-01', to: '2026-09-02' },
      boundaryPosts,
      boundaryDays,
    );

    // Assert
    expect(summary.mediaViews).toBeNull();
    expect(summary.uniqueMediaViewers).toBeNull();
    expect(summary.followers).toEqual({ start: null, end: null, change: null });
    expect(summary.posts).toBe(0);
    expect(summary.series).toEqual([
      { day: '2026-09-01', posts: 0, engagement: 0 },
      { day: '2026-09-02', posts: 0, engagement: 0 },
    ]);
    expect(summary.previous.period).toEqual({ from: '2026-08-30', to: '2026-08-31' });
  });

  it('keeps the top list to five posts, the most engaging first, newer first on a tie', () => {
    // Arrange
    const many = Array.from({ length: 7 }, (_, i) => ({
      ...boundaryPosts[2],
      id: `t${i}`,
      created: `2026-10-30T0${i}:00:00.000Z`,
      day: '2026-10-30',
      reactions: i < 2 ? 50 : i,
    })) as typeof boundaryPosts;

    // Act
    const summary = summariseFacebookPeriod({ from: '2026-10-30', to: '2026-10-30' }, many, []);

    // Assert
    expect(summary.topPosts.map((post) => post.id)).toEqual(['t1', 't0', 't6', 't5', 't4']);
  });
});
