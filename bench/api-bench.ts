// Benchmark of the API's reads against DynamoDB Local: with 10,000 and 100,000 mentions over two
// years (seeded in batches, outside the timed part), the p50/p95 latency of a year's /api/summary and
// of the first page of /api/mentions over HTTP, and the DynamoDB requests each call makes.
// Targets: p95 under 50 ms locally; a request count that does not grow from 10k to 100k.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { aggregateUpdates, type CountedMention } from '#shared/store/aggregate-updates.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { mentionIndexKeys, mentionKey } from '#shared/store/keys.ts';
import { buildRouter } from '../functions/api/api-router.ts';
import { apiRoutes } from '../functions/api/api-routes.ts';
import { jsonErrors } from '../functions/api/middleware/json-errors.ts';
import { startApiGatewayBridge } from '../infra/local/api-gateway-bridge.ts';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { ensureTable } from '../infra/local/ensure-table.ts';
import { localTokenAuthority } from '../infra/local/local-tokens.ts';
import { median, ms, percentile } from './bench-stats.ts';

const entities = [
  ['azer-allahveranov', 'person'],
  ['sahib-mammadov', 'person'],
  ['davud-rahimli', 'person'],
  ['ilgar-orujov', 'person'],
  ['public-council-sms', 'organisation'],
] as const;
const languages = ['az', 'ru', 'en'];
const now = new Date('2026-11-29T12:00:00Z');
const twoYearsMs = 2 * 365 * 86_400_000;

/** Writes `count` mentions over two years, 25 per BatchWriteItem, then the aggregates they add up to. */
export async function seed(
  table: { db: ReturnType<typeof createDocumentClient>; tableName: string },
  count: number,
) {
  const counted: CountedMention[] = [];
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length > 0) {
      const output = await table.db.send(
        new BatchWriteCommand({ RequestItems: { [table.tableName]: requests } }),
      );
      requests = (output.UnprocessedItems?.[table.tableName] ?? []) as typeof requests;
    }
    batch = [];
  };
  for (let index = 0; index < count; index++) {
    const [entityId, entityKind] = entities[index % entities.length] as (typeof entities)[number];
    const articleId = randomUUID().replace(/-/g, '');
    const mention = {
      entityId,
      entityKind,
      articleId,
      outletId: `outlet-${index % 230}`,
      language: languages[index % 3] as string,
      published: new Date(now.getTime() - Math.floor(Math.random() * twoYearsMs)).toISOString(),
    };
    counted.push(mention);
    batch.push({
      ...mentionKey(articleId, entityId),
      ...mentionIndexKeys(mention),
      type: 'mention',
      ...mention,
      mentionId: `${articleId}~${entityId}`,
      outletName: mention.outletId,
      url: `https://${mention.outletId}.example/${articleId}`,
      title: `Article ${index} about ${entityId}`,
      status: 'auto',
      snippet: { text: `Article ${index} about ${entityId}`, highlights: [[17, 17 + entityId.length]] },
      spans: [],
      history: [],
    });
    if (batch.length === 25) await flush();
  }
  await flush();
  // The aggregates the transactions would have built, applied as one set of ADD updates per bucket.
  for (const update of aggregateUpdates(table.tableName, counted, 1)) {
    await table.db.send(new TransactWriteCommand({ TransactItems: [update] }));
  }
}

/** The API handler over `table`, as the function builds it, with logs silenced. */
export async function benchHandler(table: {
  db: ReturnType<typeof createDocumentClient>;
  tableName: string;
}) {
  const deps = {
    table,
    registry: await loadOutlets(resolveOutletsPath()),
    roster: loadRoster(resolveRosterPath()),
    version: 'bench',
    scheduleIds: [],
    auth: { mode: 'local' as const },
    now: () => now,
  };
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(httpHeaderNormalizer())
    .use(jsonErrors(new Logger({ serviceName: 'bench', logLevel: 'SILENT' })))
    .handler(buildRouter(apiRoutes, deps));
}

async function timeCalls(url: string, token: string, path: string, runs: number) {
  const samples: number[] = [];
  for (let run = 0; run < runs + 5; run++) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    if (run >= 5) samples.push(performance.now() - started); // the first five warm up
  }
  return samples;
}

/** Runs the API benchmark and prints its figures. */
export async function runApiBench(sizes = [10_000, 100_000], runs = 60): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo = await startDynamoDbLocal();
  const rows: string[] = [];
  try {
    for (const size of sizes) {
      const client = createDynamoClient({ endpoint: dynamo.endpoint });
      const tableName = `bench-${size}`;
      await ensureTable(client, tableName);
      const db = createDocumentClient(client);
      const seedStarted = performance.now();
      await seed({ db, tableName }, size);
      const seedSeconds = (performance.now() - seedStarted) / 1000;

      let requests = 0;
      db.middlewareStack.add(
        (next) => (args) => {
          requests++;
          return next(args);
        },
        { step: 'initialize', name: 'countRequests' },
      );
      const handler = await benchHandler({ db, tableName });
      const tokens = localTokenAuthority();
      const { server, url } = await startApiGatewayBridge(handler, tokens, 0);
      const token = await tokens.issue('management');
      const calls = {
        'summary, one year (month buckets)': '/api/summary?from=2025-11-30&to=2026-11-29&granularity=month',
        'summary, one year (week buckets)': '/api/summary?from=2025-11-30&to=2026-11-29&granularity=week',
        'mentions, first page (25)': '/api/mentions?from=2025-11-30&to=2026-11-29',
        'mentions, first page by member': '/api/mentions?from=2025-11-30&to=2026-11-29&member=sahib-mammadov',
      };
      for (const [label, path] of Object.entries(calls)) {
        requests = 0;
        await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
          r.arrayBuffer(),
        );
        const perCall = requests;
        const samples = await timeCalls(url, token, path, runs);
        rows.push(
          `${String(size).padStart(7)}  ${label.padEnd(36)} p50 ${ms(median(samples)).padStart(9)}  p95 ${ms(percentile(samples, 95)).padStart(9)}  DynamoDB requests/call ${perCall}`,
        );
      }
      rows.push(
        `${String(size).padStart(7)}  (seeded in ${seedSeconds.toFixed(1)} s, outside the timed part)`,
      );
      server.closeAllConnections();
      server.close();
      client.destroy();
    }
  } finally {
    await dynamo.stop();
  }
  console.log('\nAPI against DynamoDB Local (HTTP through the local API Gateway bridge)');
  console.log(`mentions  call${' '.repeat(34)}latency (${runs} calls)            requests`);
  for (const row of rows) console.log(row);
  console.log('targets: p95 < 50 ms; requests/call equal at 10,000 and 100,000 mentions');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runApiBench();
}
