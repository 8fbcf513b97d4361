// `tracker facebook sync`: a backfill against the stand-in, run twice, stores each post and day once;
// progress goes to stderr and one JSON line to stdout; bad dates are refused before anything runs.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFacebookCommand } from '../../../cli/commands/facebook-command.ts';
import type { GraphSimulator } from '../../../infra/local/graph-api-simulator.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { fixedNow, partitionItems, startPageSimulator } from '../../helpers/facebook-fixtures.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
let sim: GraphSimulator;

beforeAll(async () => {
  table = await createTestTable();
  sim = await startPageSimulator({ pageId: '555', pageSize: 20 });
  process.env.FACEBOOK_PAGE_ID = sim.pageId;
  process.env.FACEBOOK_PAGE_TOKEN = sim.token;
  process.env.FACEBOOK_GRAPH_URL = sim.url;
});
afterAll(async () => {
  for (const name of ['FACEBOOK_PAGE_ID', 'FACEBOOK_PAGE_TOKEN', 'FACEBOOK_GRAPH_URL'])
    delete process.env[name];
  await sim?.close();
  await table?.drop();
});

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const code = await runFacebookCommand(argv, {
    openTable: async () => ({
      table: { db: table.documentClient, tableName: table.tableName },
      close: () => {},
    }),
    stdout,
    stderr,
    now: () => fixedNow,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('tracker facebook sync', () => {
  it('backfills a period, and a second run stores nothing twice', async () => {
    // Act
    const first = await run(['sync', '--since', '2026-09-01', '--until', '2026-10-31']);
    const posts = await partitionItems(
      { db: table.documentClient, tableName: table.tableName },
      '555',
      'POST#',
    );
    const second = await run(['sync', '--since', '2026-09-01', '--until', '2026-10-31']);

    // Assert
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/posts: page 1, 20 stored/);
    expect(first.stderr).toMatch(/insights page_media_view: 61 daily values/);
    expect(first.stderr).not.toContain(sim.token);
    const result = JSON.parse(first.stdout);
    expect(result).toMatchObject({
      since: '2026-09-01',
      until: '2026-10-31',
      outcome: 'synced',
      insightDays: 61,
    });
    expect(posts).toHaveLength(result.posts);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).posts).toBe(result.posts);
    expect(
      await partitionItems({ db: table.documentClient, tableName: table.tableName }, '555', 'POST#'),
    ).toHaveLength(result.posts);
    expect(
      await partitionItems({ db: table.documentClient, tableName: table.tableName }, '555', 'DAY#'),
    ).toHaveLength(
      62, // 61 insight days plus today's page totals
    );
  });

  it('refuses a bad date or order with usage and exit code 2', async () => {
    // Act
    const badDate = await run(['sync', '--since', '2026-02-30']);
    const badOrder = await run(['sync', '--since', '2026-11-02', '--until', '2026-11-01']);
    const noSubcommand = await run([]);

    // Assert
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--since must be a date as YYYY-MM-DD');
    expect(badOrder.code).toBe(2);
    expect(noSubcommand.code).toBe(2);
    expect(noSubcommand.stderr).toContain('usage: tracker facebook sync');
  });
});
