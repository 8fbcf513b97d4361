// DynamoDB Local killed (SIGKILL) in the middle of a poll and started again on the same data: the
// failed poll saves no feed validators, so the next poll fetches the feed in full and stores what was
// missing. Nothing is lost, nothing is stored or counted twice, and a recount finds no drift.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { recountAggregates } from '#shared/store/recount.ts';
import { type DynamoDbLocal, freePort, startDynamoDbLocal } from '../../../infra/local/dynamodb-local.ts';
import { ensureTable } from '../../../infra/local/ensure-table.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FaultProxy, startFaultProxy } from '../../helpers/dynamo-fault-proxy.ts';
import { feedRegistry, numberedFeed, pollBatchInto } from '../../helpers/fault-feed.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';
import { aggregatesOf, type RawItem, scanTable } from '../../helpers/table-contents.ts';

const itemCount = 60;
const tableName = 'restart-test';
const dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-restart-'));
let port: number;
let dynamo: DynamoDbLocal | undefined;
let proxy: FaultProxy;
let feeds: FeedServer;

const contentKeys = (items: Map<string, RawItem>) =>
  [...items.values()]
    .filter((item) => item.type?.S === 'article' || item.type?.S === 'mention')
    .map((item) => `${item.PK?.S}|${item.SK?.S}`)
    .sort();

beforeAll(async () => {
  port = await freePort();
  dynamo = await startDynamoDbLocal({ port, dataDir });
  const client = createDynamoClient({ endpoint: dynamo.endpoint });
  await ensureTable(client, tableName);
  client.destroy();
  proxy = await startFaultProxy(dynamo.endpoint);
  feeds = await startFeedServer({ '/rss': fixed(numberedFeed(itemCount), 'application/rss+xml') });
}, 90_000);

afterAll(async () => {
  await proxy?.close();
  await feeds?.close();
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('DynamoDB Local killed during a poll', () => {
  it('loses nothing and counts nothing twice once it is back', async () => {
    const clean = await createTestTable();
    await pollBatchInto(feedRegistry(feeds.url('/rss')), clean.endpoint, clean.tableName);
    const cleanItems = await scanTable(clean.client, clean.tableName);
    await clean.drop();

    let writes = 0;
    let killed: Promise<void> | undefined;
    proxy.setRule((operation) => {
      if (operation === 'TransactWriteItems' && ++writes === 15) killed = dynamo?.kill();
      return undefined;
    });
    const failed = await pollBatchInto(feedRegistry(feeds.url('/rss')), proxy.endpoint, tableName).then(
      (reports) => reports.map((report) => report.error?.kind ?? report.status),
      (error: Error) => [error.name],
    );
    expect(killed).toBeDefined();
    await killed;
    expect(failed).not.toEqual(['items']);

    dynamo = await startDynamoDbLocal({ port, dataDir });
    proxy.setRule(() => undefined);
    const client = createDynamoClient({ endpoint: dynamo.endpoint });
    const stored = contentKeys(await scanTable(client, tableName));
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(contentKeys(cleanItems).length);

    const reports = await pollBatchInto(feedRegistry(feeds.url('/rss')), proxy.endpoint, tableName);

    expect(reports.map((report) => report.status)).toEqual(['items']);
    const items = await scanTable(client, tableName);
    expect(contentKeys(items)).toEqual(contentKeys(cleanItems));
    expect(aggregatesOf(items)).toEqual(aggregatesOf(cleanItems));
    const recount = await recountAggregates(
      { db: createDocumentClient(client), tableName },
      { repair: false },
    );
    expect(recount.drift).toEqual([]);
    expect(recount.mentions).toBe(itemCount + itemCount / 2);
    client.destroy();
  }, 120_000);
});
