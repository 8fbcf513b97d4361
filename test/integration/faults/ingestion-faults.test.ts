// Ingestion under DynamoDB faults, against DynamoDB Local behind a fault-injecting proxy: throttling,
// cancelled transactions and responses lost after the write went through are retried without counting
// anything twice, and a worker killed mid-batch leaves nothing that the retried batch counts twice.
// Each run is compared with a clean poll of the same feed, and ends with a recount finding no drift.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recountAggregates } from '#shared/store/recount.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FaultProxy, firstTimeFaults, startFaultProxy } from '../../helpers/dynamo-fault-proxy.ts';
import { feedRegistry, numberedFeed, pollBatchInto } from '../../helpers/fault-feed.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';
import { aggregatesOf, type RawItem, scanTable } from '../../helpers/table-contents.ts';

type TestTable = Awaited<ReturnType<typeof createTestTable>>;
const itemCount = 40;
let feeds: FeedServer;
let proxy: FaultProxy;
const tables: TestTable[] = [];
let expected: { keys: string[]; aggregates: ReturnType<typeof aggregatesOf> };

/** Keys of the articles and mentions stored (feed state and aggregates aside). */
const contentKeys = (items: Map<string, RawItem>) =>
  [...items.values()]
    .filter((item) => item.type?.S === 'article' || item.type?.S === 'mention')
    .map((item) => `${item.PK?.S}|${item.SK?.S}`)
    .sort();

async function newTable() {
  const table = await createTestTable();
  tables.push(table);
  return table;
}

async function expectExactAndRecounted(table: TestTable) {
  const items = await scanTable(table.client, table.tableName);
  expect(contentKeys(items)).toEqual(expected.keys);
  expect(aggregatesOf(items)).toEqual(expected.aggregates);
  const recount = await recountAggregates(
    { db: table.documentClient, tableName: table.tableName },
    { repair: false },
  );
  expect(recount.drift).toEqual([]);
  expect(recount.mentions).toBe(itemCount + itemCount / 2);
}

beforeAll(async () => {
  feeds = await startFeedServer({ '/rss': fixed(numberedFeed(itemCount), 'application/rss+xml') });
  const clean = await newTable();
  await pollBatchInto(feedRegistry(feeds.url('/rss')), clean.endpoint, clean.tableName);
  const items = await scanTable(clean.client, clean.tableName);
  expected = { keys: contentKeys(items), aggregates: aggregatesOf(items) };
  expect(expected.keys).toHaveLength(itemCount * 2 + itemCount / 2);
  proxy = await startFaultProxy(clean.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await feeds?.close();
  await Promise.all(tables.map((table) => table.drop()));
});

describe('ingestion under DynamoDB faults', () => {
  it('retries throttling, transaction conflicts and lost responses without counting twice', async () => {
    const table = await newTable();
    proxy.setRule(
      firstTimeFaults((operation, seen) => {
        if (operation === 'TransactWriteItems') {
          return (['throttle', 'conflict', 'lose-response'] as const)[seen % 3];
        }
        return operation === 'BatchGetItem' || operation === 'PutItem' ? 'throttle' : undefined;
      }),
    );

    const reports = await pollBatchInto(feedRegistry(feeds.url('/rss')), proxy.endpoint, table.tableName);

    expect(reports.map((report) => report.status)).toEqual(['items']);
    expect(proxy.injected.throttle).toBeGreaterThan(itemCount / 3);
    expect(proxy.injected.conflict).toBeGreaterThan(itemCount / 4);
    expect(proxy.injected['lose-response']).toBeGreaterThan(itemCount / 4);
    await expectExactAndRecounted(table);
  });

  it('fails the batch when every answer to a write is lost, and the retried batch counts it once', async () => {
    const table = await newTable();
    // Every attempt of some transactions goes through but its answer is lost, so the SDK's retries
    // (same idempotency token) run out and the batch fails with those articles already stored.
    const doomed = new Set<string>();
    let transactions = 0;
    proxy.setRule((operation, body) => {
      if (operation !== 'TransactWriteItems') return undefined;
      if (!doomed.has(body) && transactions++ % 5 === 0) doomed.add(body);
      return doomed.has(body) ? 'lose-response' : undefined;
    });

    await expect(
      pollBatchInto(feedRegistry(feeds.url('/rss')), proxy.endpoint, table.tableName),
    ).rejects.toThrow(/Storing failed/);
    expect(doomed.size).toBeGreaterThan(0);

    proxy.setRule(() => undefined);
    const reports = await pollBatchInto(feedRegistry(feeds.url('/rss')), proxy.endpoint, table.tableName);
    expect(reports.map((report) => report.status)).toEqual(['items']);
    await expectExactAndRecounted(table);
  });

  it('stores everything exactly once when a worker dies mid-batch and the batch is retried', async () => {
    const table = await newTable();
    let writes = 0;
    const killAfter = 12;
    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../../fixtures/faults/poll-worker.ts', import.meta.url))],
      {
        env: {
          ...process.env,
          FAULT_ENDPOINT: proxy.endpoint,
          FAULT_TABLE: table.tableName,
          FAULT_FEED_URL: feeds.url('/rss'),
        },
        stdio: 'ignore',
      },
    );
    const exited = once(worker, 'exit');
    // The worker dies while a transaction is in flight: that request is held and never answered.
    proxy.setRule((operation) => {
      if (operation !== 'TransactWriteItems') return undefined;
      writes++;
      if (writes <= killAfter) return undefined;
      if (writes === killAfter + 1) worker.kill('SIGKILL');
      return 'hang';
    });
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    const partial = contentKeys(await scanTable(table.client, table.tableName));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(expected.keys.length);

    proxy.setRule(() => undefined);
    const reports = await pollBatchInto(feedRegistry(feeds.url('/rss')), proxy.endpoint, table.tableName);

    expect(reports.map((report) => report.status)).toEqual(['items']);
    await expectExactAndRecounted(table);
  }, 60_000);
});
