// The daily snapshot against the Graph API stand-in and DynamoDB Local: paging to the end (an empty
// page carrying `next` included), retired metrics, a rejected token, rate limits, 5xx retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookStatus } from '#shared/facebook/facebook-status.ts';
import { readDays, readPosts } from '#shared/facebook/facebook-store.ts';
import { facebookPeriodSummary } from '#shared/facebook/facebook-summary.ts';
import { syncFacebookPage } from '#shared/facebook/sync-facebook-page.ts';
import { bakuDay, bakuDayStart } from '#shared/time/baku-calendar.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { fixedNow, partitionItems, startPageSimulator, syncDeps } from '../../helpers/facebook-fixtures.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let context: { db: typeof table.documentClient; tableName: string };
const closers: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  table = await createTestTable();
  context = { db: table.documentClient, tableName: table.tableName };
});
afterAll(async () => {
  for (const close of closers) await close();
  await table.drop();
});

async function simulator(options: Parameters<typeof startPageSimulator>[0] = {}) {
  // Each test gets its own page id, so their partitions never meet.
  const started = await startPageSimulator({ pageId: `${100 + closers.length}`, ...options });
  closers.push(started.close);
  return started;
}

const requestsTo = (sim: { seen: Array<{ path: string; query: Record<string, string> }> }, edge: string) =>
  sim.seen.filter((request) => request.path.endsWith(`/${edge}`));

describe('facebook sync against the stand-in', () => {
  it('follows paging over several pages, through an empty page that still carries next', async () => {
    // Arrange: 10 posts a page, the third page empty.
    const sim = await simulator({ pageSize: 10, emptyPages: [3] });
    const period = { since: '2026-08-03', until: '2026-11-30' };
    const expected = await expectedPosts(period);

    // Act
    const result = await syncFacebookPage(syncDeps(context, sim), period);

    // Assert
    const postRequests = requestsTo(sim, 'published_posts');
    expect(result.outcome).toBe('synced');
    expect(postRequests.length).toBeGreaterThanOrEqual(6);
    // Page 3 was empty: its cursor and the one after it name the same first post.
    const cursors = postRequests.map((request) =>
      request.query.after ? Buffer.from(request.query.after, 'base64url').toString() : 'p1:0',
    );
    expect(cursors.slice(0, 4)).toEqual(['p1:0', 'p2:10', 'p3:20', 'p4:20']);
    expect(postRequests.length).toBe(Math.ceil(expected / 10) + 1);
    expect(result.posts).toBe(expected);
    const stored = await readPosts(
      context,
      sim.pageId,
      bakuDayStart(period.since),
      bakuDayStart('2026-12-01'),
    );
    expect(stored).toHaveLength(expected);
    expect(new Set(stored.map((post) => post.id)).size).toBe(expected);
    // The token went in the header only; the access_token Graph repeats in `next` was dropped.
    expect(sim.seen.every((request) => request.authorization === 'Bearer demo-page-token')).toBe(true);
    expect(sim.seen.some((request) => 'access_token' in request.query)).toBe(false);
    // Posts naming council members carry their ids, found by the press matcher.
    expect(stored.filter((post) => post.members.length > 0).length).toBeGreaterThan(10);
  });

  it('stores a backfill run twice without duplicates', async () => {
    // Arrange
    const sim = await simulator();
    const deps = syncDeps(context, sim);
    const period = { since: '2026-08-03', until: '2026-11-30' };

    // Act
    const first = await syncFacebookPage(deps, period);
    const postsAfterFirst = await partitionItems(context, sim.pageId, 'POST#');
    const daysAfterFirst = await partitionItems(context, sim.pageId, 'DAY#');
    const second = await syncFacebookPage(deps, period);

    // Assert
    expect(second.posts).toBe(first.posts);
    expect(await partitionItems(context, sim.pageId, 'POST#')).toEqual(postsAfterFirst);
    expect(await partitionItems(context, sim.pageId, 'DAY#')).toEqual(daysAfterFirst);
    expect(postsAfterFirst).toHaveLength(first.posts);
    expect(daysAfterFirst).toHaveLength(120);
  });

  it('asks each metric on its own, at most 90 days a request', async () => {
    // Arrange
    const sim = await simulator();

    // Act
    await syncFacebookPage(syncDeps(context, sim), { since: '2026-08-03', until: '2026-11-30' });

    // Assert: 120 days are two requests per metric, none longer than 90 days.
    const insightRequests = requestsTo(sim, 'insights');
    expect(insightRequests).toHaveLength(10);
    for (const request of insightRequests) {
      expect(request.query.metric).not.toContain(',');
      expect(request.query.period).toBe('day');
      const span =
        (Date.parse(request.query.until ?? '') - Date.parse(request.query.since ?? '')) / 86_400_000;
      expect(span).toBeLessThanOrEqual(90);
    }
    const days = await readDays(context, sim.pageId, '2026-08-03', '2026-11-30');
    expect(days.every((day) => Object.keys(day.insights).length === 5)).toBe(true);
  });

  it('drops only a retired metric, reports it once, and the summary shows it as null', async () => {
    // Arrange: the stand-in no longer knows page_total_media_view_unique; page_impressions is asked too.
    const sim = await simulator({ retiredMetrics: ['page_total_media_view_unique'] });
    const metrics = ['page_impressions', 'page_media_view', 'page_total_media_view_unique', 'page_follows'];
    const deps = syncDeps(context, sim, { metrics });
    const period = { since: '2026-11-01', until: '2026-11-30' };

    // Act
    const first = await syncFacebookPage(deps, period);
    const requestsAfterFirst = requestsTo(sim, 'insights').length;
    const second = await syncFacebookPage(deps, period);

    // Assert
    expect(first.outcome).toBe('synced');
    expect(first.newlyRetired).toEqual(['page_impressions', 'page_total_media_view_unique']);
    expect(second.newlyRetired).toEqual([]);
    const secondRun = requestsTo(sim, 'insights').slice(requestsAfterFirst);
    expect(secondRun.map((request) => request.query.metric)).toEqual(['page_media_view', 'page_follows']);
    const summary = await facebookPeriodSummary(
      { table: context, pageId: sim.pageId },
      { from: '2026-11-01', to: '2026-11-29' },
    );
    expect(summary.uniqueMediaViewers).toBeNull();
    expect(summary.mediaViews).toBeGreaterThan(0);
    const status = await facebookStatus({ table: context, pageId: sim.pageId });
    expect(status).toMatchObject({ retiredMetrics: ['page_impressions', 'page_total_media_view_unique'] });
  });

  it('stops on an expired token, asks nothing more until the token changes, then resumes', async () => {
    // Arrange
    const sim = await simulator();
    let token = 'demo-page-token';
    const deps = syncDeps(context, sim, { tokenValue: () => token });
    const period = { since: '2026-11-20', until: '2026-11-30' };
    sim.expireToken();

    // Act
    const rejected = await syncFacebookPage(deps, period);
    const requestsAfterRejection = sim.seen.length;
    const skipped = await syncFacebookPage(deps, period);
    const requestsWhileRejected = sim.seen.length - requestsAfterRejection;
    const statusWhileRejected = await facebookStatus({ table: context, pageId: sim.pageId });
    sim.setToken('renewed-token');
    token = 'renewed-token';
    const resumed = await syncFacebookPage(deps, period);

    // Assert
    expect(rejected.outcome).toBe('token-rejected');
    expect(rejected.detail).toContain('code 190');
    expect(skipped.outcome).toBe('token-rejected');
    expect(requestsAfterRejection).toBe(1);
    expect(requestsWhileRejected).toBe(0);
    expect(statusWhileRejected).toMatchObject({ configured: true, token: 'rejected' });
    expect(JSON.stringify(statusWhileRejected)).not.toContain('demo-page-token');
    expect(resumed.outcome).toBe('synced');
    expect(await facebookStatus({ table: context, pageId: sim.pageId })).toMatchObject({
      token: 'ok',
      tokenError: null,
    });
  });

  it('backs off on a rate limit and succeeds on the next run', async () => {
    // Arrange: the stand-in answers code 4 with estimated_time_to_regain_access of 10 minutes.
    const sim = await simulator();
    let now = fixedNow;
    const deps = syncDeps(context, sim, { now: () => now });
    const period = { since: '2026-11-20', until: '2026-11-30' };
    sim.failNext('rate-limit');

    // Act
    const limited = await syncFacebookPage(deps, period);
    const requestsAfterLimit = sim.seen.length;
    now = new Date(fixedNow.getTime() + 5 * 60_000);
    const tooSoon = await syncFacebookPage(deps, period);
    const requestsWhileBackingOff = sim.seen.length - requestsAfterLimit;
    now = new Date(fixedNow.getTime() + 11 * 60_000);
    const next = await syncFacebookPage(deps, period);

    // Assert
    expect(limited.outcome).toBe('rate-limited');
    expect(limited.detail).toContain(new Date(fixedNow.getTime() + 10 * 60_000).toISOString());
    expect(tooSoon.outcome).toBe('backing-off');
    expect(requestsWhileBackingOff).toBe(0);
    expect(next.outcome).toBe('synced');
    expect(next.posts).toBeGreaterThan(0);
    expect(await facebookStatus({ table: context, pageId: sim.pageId })).toMatchObject({
      rateLimitedUntil: null,
    });
  });

  it('stops after an answer whose usage header reaches the limit, keeping what it stored', async () => {
    // Arrange
    const sim = await simulator();
    sim.setUsage(97);

    // Act
    const result = await syncFacebookPage(syncDeps(context, sim), {
      since: '2026-11-20',
      until: '2026-11-30',
    });

    // Assert: the page answer was stored, then the run stopped before the posts.
    expect(result.outcome).toBe('rate-limited');
    expect(sim.seen).toHaveLength(1);
    const today = await readDays(context, sim.pageId, bakuDay(fixedNow), bakuDay(fixedNow));
    expect(today[0]?.followersCount).toBeGreaterThan(4800);
  });

  it('refuses a Graph address whose host name resolves to a loopback address', async () => {
    // Arrange: the stand-in is allowed as 127.0.0.1, not through a name that points there.
    const sim = await simulator();
    const byName = { ...sim, url: sim.url.replace('127.0.0.1', 'localhost') };

    // Act
    const run = syncFacebookPage(syncDeps(context, byName), { since: '2026-11-29', until: '2026-11-30' });

    // Assert
    await expect(run).rejects.toThrow(/refused to connect to localhost/);
    expect(sim.seen).toHaveLength(0);
  });

  it('retries a transient 5xx within the deadline, and fails the run when it lasts beyond it', async () => {
    // Arrange
    const sim = await simulator();
    const period = { since: '2026-11-25', until: '2026-11-30' };
    sim.failNext('server-error', 'server-error');

    // Act
    const recovered = await syncFacebookPage(syncDeps(context, sim), period);
    sim.failNext(...Array.from({ length: 20 }, () => 'server-error' as const));
    const failing = syncFacebookPage(
      syncDeps(context, sim, { retry: { retryBaseMs: 5, retryDeadlineMs: 60 } }),
      period,
    );

    // Assert
    expect(recovered.outcome).toBe('synced');
    await expect(failing).rejects.toThrow(/Graph API request failed/);
  });
});

/** Counts the posts of the period straight from the stand-in's data, independently of the client. */
async function expectedPosts(period: { since: string; until: string }) {
  const { demoPage } = await import('../../../infra/local/graph-demo-data.ts');
  const { roster } = await import('../../helpers/facebook-fixtures.ts');
  const from = Date.parse(bakuDayStart(period.since));
  const to = Date.parse(bakuDayStart('2026-12-01'));
  return demoPage(roster, '2026-11-30').posts.filter((post) => {
    const created = Date.parse(post.created_time);
    return created >= from && created < to;
  }).length;
}
