// The API against DynamoDB Local under concurrency: 50 simultaneous reviews of the same and of
// different mentions leave every counter equal to a recount, and 50 clients for 10 seconds get no
// error. The run ends with `tracker recount --check` reporting zero drift.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recountAggregates } from '#shared/store/recount.ts';
import { runConcurrentLoad } from '../../../bench/concurrent-load.ts';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let mentionIds: string[];
const members = [
  ['azer-allahveranov', 'Azər Allahverənov'],
  ['sahib-mammadov', 'Sahib Məmmədov'],
] as const;

beforeAll(async () => {
  api = await startTestApi();
  const table = { db: api.table.documentClient, tableName: api.table.tableName };
  await seedArticles(
    table,
    Array.from({ length: 30 }, (_, index) => {
      const [id, surface] = members[index % 2] as (typeof members)[number];
      return {
        outletId: `outlet-${index % 4}`,
        title: `${surface} çıxış edib ${index}`,
        published: `2026-11-${String(1 + (index % 27)).padStart(2, '0')}T08:00:00Z`,
        entities: [{ id, surface }],
      };
    }),
  );
  const list = await (
    await api.request('/api/mentions?from=2026-11-01&to=2026-11-30&limit=100', { role: 'pr-staff' })
  ).json();
  mentionIds = list.items.map((item: { mentionId: string }) => item.mentionId);
  expect(mentionIds).toHaveLength(30);
}, 120_000);
afterAll(() => api.close());

async function driftOf() {
  const report = await recountAggregates(
    { db: api.table.documentClient, tableName: api.table.tableName },
    { repair: false },
  );
  return report.drift;
}

describe('the API under concurrency', () => {
  it('keeps counters equal to a recount after 50 simultaneous reviews of the same and different mentions', async () => {
    const decisions = ['rejected', 'confirmed', 'unreviewed'];
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        // Half on one mention, the other half spread over twenty more, two reviews each.
        const id = n < 25 ? mentionIds[0] : mentionIds[1 + ((n - 25) % 20)];
        const response = await api.request(`/api/mentions/${id}`, {
          role: 'pr-staff',
          method: 'PATCH',
          body: JSON.stringify({ status: decisions[n % 3], note: `reviewer ${n}` }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );

    expect(statuses.filter((status) => status !== 200 && status !== 409)).toEqual([]);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(20);
    expect(await driftOf()).toEqual([]);
    const summary = await (
      await api.request('/api/summary?from=2026-11-01&to=2026-11-30', { role: 'management' })
    ).json();
    const list = await (
      await api.request('/api/mentions?from=2026-11-01&to=2026-11-30&limit=100', { role: 'pr-staff' })
    ).json();
    const counted = list.items.filter((item: { status: string }) => item.status !== 'rejected').length;
    expect(summary.totals.mentions).toBe(counted);
    expect(counted).toBeLessThan(30);
  });

  it('answers 50 concurrent clients for 10 seconds without an error', async () => {
    const paths = [
      ['/api/summary?from=2026-11-01&to=2026-11-30', 'management'],
      ['/api/summary?from=2026-11-01&to=2026-11-30&granularity=week', 'management'],
      ['/api/mentions?from=2026-11-01&to=2026-11-30', 'pr-staff'],
      ['/api/mentions?from=2026-11-01&to=2026-11-30&member=sahib-mammadov', 'pr-staff'],
    ] as const;
    const result = await runConcurrentLoad({
      clients: 50,
      durationMs: 10_000,
      send: async (client, sequence) => {
        const [path, role] = paths[(client + sequence) % paths.length] as (typeof paths)[number];
        const response = await api.request(path, { role });
        await response.arrayBuffer();
        return response.status;
      },
    });

    expect(result.statuses).toEqual({ 200: result.requests });
    expect(result.requests).toBeGreaterThan(50);
  }, 60_000);

  it('ends with `tracker recount --check` reporting zero drift', () => {
    const run = spawnSync('npm', ['run', '--silent', 'tracker', '--', 'recount', '--check'], {
      encoding: 'utf8',
      env: { ...process.env, DYNAMODB_ENDPOINT: api.table.endpoint, TABLE_NAME: api.table.tableName },
      timeout: 60_000,
    });
    expect(run.stdout).toMatch(/^30 mentions \(\d+ counted\), \d+ aggregates, drift: 0 counters\n$/);
    expect(run.status).toBe(0);
  }, 70_000);
});
