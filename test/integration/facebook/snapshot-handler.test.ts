// The scheduled handler built by its factory: the daily run refreshes the last 30 days and records
// itself for /api/status; with no page configured it records that and asks Graph nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastScheduleRuns } from '#shared/store/schedule-runs.ts';
import { bakuDay } from '#shared/time/baku-calendar.ts';
import { createFacebookSnapshotHandler } from '../../../functions/facebook-snapshot/handler.ts';
import type { GraphSimulator } from '../../../infra/local/graph-api-simulator.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { fixedNow, partitionItems, startPageSimulator, syncDeps } from '../../helpers/facebook-fixtures.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let context: { db: typeof table.documentClient; tableName: string };
let sim: GraphSimulator;

beforeAll(async () => {
  table = await createTestTable();
  context = { db: table.documentClient, tableName: table.tableName };
  sim = await startPageSimulator({ pageId: '888' });
});
afterAll(async () => {
  await sim?.close();
  await table?.drop();
});

describe('createFacebookSnapshotHandler', () => {
  it('refreshes the posts of the last 30 days and records the run', async () => {
    // Arrange
    const handler = createFacebookSnapshotHandler(syncDeps(context, sim));

    // Act
    const run = await handler({ scheduleId: 'facebook-snapshot' });

    // Assert
    expect(run.outcome).toBe('succeeded');
    expect(run.detail).toMatch(/^synced: \d+ posts, 31 insight days$/);
    const posts = await partitionItems(context, '888', 'POST#');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((post) => String(post.day) >= '2026-10-31')).toBe(true);
    const insightRequests = sim.seen.filter((request) => request.path.endsWith('/insights'));
    expect(insightRequests.every((request) => request.query.since === '2026-10-31')).toBe(true);
    const [recorded] = await lastScheduleRuns(context, ['facebook-snapshot']);
    expect(recorded?.detail).toBe(run.detail);
    // The same result as a code and figures, for the dashboard to word in the reader's language.
    expect(recorded?.summary).toEqual({ code: 'facebook-synced', values: { posts: posts.length, days: 31 } });
    expect(bakuDay(fixedNow)).toBe('2026-11-30');
  });

  it('records that no page is configured and asks Graph nothing', async () => {
    // Arrange
    const before = sim.seen.length;
    const handler = createFacebookSnapshotHandler({ ...syncDeps(context, sim), settings: undefined });

    // Act
    const run = await handler({});

    // Assert
    expect(run).toMatchObject({
      scheduleId: 'facebook-snapshot',
      outcome: 'succeeded',
      detail: 'no Facebook page configured',
      summary: { code: 'facebook-no-page', values: {} },
    });
    expect(sim.seen.length).toBe(before);
  });
});
