// The figures of a period of Baku days, from stored snapshots only (never from Graph at request
// time), with the period of equal length before it. A figure whose metric is not stored for any
// day of the period is null, never 0: "not measured" and "none" are different answers.
import type { TableContext } from '../store/table-context.ts';
import { addDays, bakuDayStart, daysBetween } from '../time/baku-calendar.ts';
import type { StoredDay, StoredPost } from './facebook-records.ts';
import { readDays, readPosts } from './facebook-store.ts';
import { firstLine } from './post-records.ts';

/** The totals of one period. */
export interface FacebookTotals {
  period: { from: string; to: string };
  posts: number;
  reactions: number;
  comments: number;
  shares: number;
  /** Reactions, comments and shares of the posts published in the period. */
  engagement: number;
  followers: { start: number | null; end: number | null; change: number | null };
  mediaViews: number | null;
  uniqueMediaViewers: number | null;
}

/** One post of the top list. */
export interface FacebookTopPost {
  id: string;
  created: string;
  permalink: string | null;
  text: string;
  reactions: number;
  comments: number;
  shares: number;
  members: string[];
}

/** The answer of GET /api/facebook/summary and of the digest's Facebook part. */
export interface FacebookSummary extends FacebookTotals {
  series: Array<{ day: string; posts: number; engagement: number }>;
  topPosts: FacebookTopPost[];
  previous: FacebookTotals;
}

const topPostCount = 5;

/** Reads a period's snapshots and summarises it with the period before it. */
export async function facebookPeriodSummary(
  deps: { table: TableContext; pageId: string },
  period: { from: string; to: string },
): Promise<FacebookSummary> {
  const length = daysBetween(period.from, period.to);
  const previousFrom = addDays(period.from, -length);
  // One range of days (with the day before the previous period, for its starting followers) and one
  // range of posts cover both periods.
  const [days, posts] = await Promise.all([
    readDays(deps.table, deps.pageId, addDays(previousFrom, -1), period.to),
    readPosts(deps.table, deps.pageId, bakuDayStart(previousFrom), bakuDayStart(addDays(period.to, 1))),
  ]);
  return summariseFacebookPeriod(period, posts, days);
}

/** The summary of `period` from stored posts and days that cover it and the period before it. */
export function summariseFacebookPeriod(
  period: { from: string; to: string },
  posts: StoredPost[],
  days: StoredDay[],
): FacebookSummary {
  const length = daysBetween(period.from, period.to);
  const previous = { from: addDays(period.from, -length), to: addDays(period.from, -1) };
  const inPeriod = posts.filter((post) => post.day >= period.from && post.day <= period.to);
  const series: FacebookSummary['series'] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) {
    const ofDay = inPeriod.filter((post) => post.day === day);
    series.push({ day, posts: ofDay.length, engagement: sum(ofDay, engagementOf) });
  }
  const topPosts = [...inPeriod]
    .sort((a, b) => engagementOf(b) - engagementOf(a) || b.created.localeCompare(a.created))
    .slice(0, topPostCount)
    .map((post) => ({
      id: post.id,
      created: post.created,
      permalink: post.permalink,
      text: firstLine(post.text),
      reactions: post.reactions,
      comments: post.comments,
      shares: post.shares,
      members: post.members,
    }));
  return {
    ...totalsOf(period, posts, days),
    series,
    topPosts,
    previous: totalsOf(previous, posts, days),
  };
}

function totalsOf(
  period: { from: string; to: string },
  posts: StoredPost[],
  days: StoredDay[],
): FacebookTotals {
  const ofPeriod = posts.filter((post) => post.day >= period.from && post.day <= period.to);
  const daysOf = days.filter((day) => day.day >= period.from && day.day <= period.to);
  return {
    period: { from: period.from, to: period.to },
    posts: ofPeriod.length,
    reactions: sum(ofPeriod, (post) => post.reactions),
    comments: sum(ofPeriod, (post) => post.comments),
    shares: sum(ofPeriod, (post) => post.shares),
    engagement: sum(ofPeriod, engagementOf),
    followers: followersOf(period, days),
    mediaViews: metricSum(daysOf, 'page_media_view'),
    uniqueMediaViewers: metricSum(daysOf, 'page_total_media_view_unique'),
  };
}

/**
 * Followers at the start (the end of the day before the period, else the period's first measured
 * day) and at the end (its last measured day). The daily page_follows insight is preferred; the
 * page's followers_count snapshotted that day stands in where it is missing.
 */
function followersOf(period: { from: string; to: string }, days: StoredDay[]): FacebookTotals['followers'] {
  const measured = days
    .map((day) => ({ day: day.day, value: day.insights.page_follows ?? day.followersCount }))
    .filter((entry): entry is { day: string; value: number } => entry.value !== undefined);
  const before = measured.find((entry) => entry.day === addDays(period.from, -1));
  const inside = measured.filter((entry) => entry.day >= period.from && entry.day <= period.to);
  const start = before?.value ?? inside[0]?.value ?? null;
  const end = inside.at(-1)?.value ?? null;
  return { start, end, change: start !== null && end !== null ? end - start : null };
}

function metricSum(days: StoredDay[], metric: string): number | null {
  const values = days.map((day) => day.insights[metric]).filter((value) => value !== undefined);
  return values.length === 0 ? null : values.reduce((total, value) => total + value, 0);
}

const engagementOf = (post: StoredPost) => post.reactions + post.comments + post.shares;

function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** The digest's view of the page's week: the summary when a page is configured, else nothing. */
export function facebookWeekPort(table: TableContext, pageId: string | undefined) {
  if (!pageId) return undefined;
  return (from: string, to: string) => facebookPeriodSummary({ table, pageId }, { from, to });
}
