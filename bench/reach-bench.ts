// Reach benchmark: 200 registry sources (one loopback origin each) plus the roster's news-search
// queries on a loopback stand-in that reports 300 outlets (250 nobody registered, 50 subdomains of
// registered ones, whose own feed items it repeats). Feeds and searches are polled and stored in
// DynamoDB Local as a real poll does. Prints the wall time (median of the runs), the distinct
// outlets found against those expected, and duplicates, which must be 0.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { dynamoPollStorage } from '#shared/ingest/open-ingestion.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { createAttributor } from '#shared/reach/outlet-attribution.ts';
import { distinctOutletCount } from '#shared/reach/outlet-identity.ts';
import { runSearches } from '#shared/reach/run-searches.ts';
import { readAggregates } from '#shared/store/aggregate-reads.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { ensureTable } from '../infra/local/ensure-table.ts';
import { standInOutlets, startNewsSearchStandIn } from '../infra/local/news-search-simulator.ts';
import { startBenchPress } from '../infra/local/press-simulator.ts';
import { median } from './bench-stats.ts';

const names = ['Azər Allahverənov', 'Азер Аллахверанов', 'Azer Allahveranov'];

/** Runs the benchmark `runs` times on fresh tables and prints the figures. */
export async function runReachBench(options: { runs?: number; sources?: number } = {}): Promise<void> {
  const runs = options.runs ?? Number(process.env.REACH_BENCH_RUNS ?? 3);
  const sources = options.sources ?? 200;
  const roster = loadRoster(defaultRosterPath);
  const matcher = compileMatcher(roster);
  const dynamo = await startDynamoDbLocal();
  const press = await startBenchPress(sources, 20);
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const outlets = press.urls.map((url, i) => ({
        id: `bench-${i}`,
        name: `Bench ${i}`,
        languages: ['en'],
        homepage: `https://bench-${i}.az`,
        sources: [{ type: 'feed', url, language: 'en' }],
      }));
      const standIn = await startNewsSearchStandIn({
        outlets: standInOutlets(250),
        registered: outlets
          .slice(0, 50)
          .map((o) => ({ homepage: o.homepage, name: o.name, feedUrl: o.sources[0]?.url })),
        names,
        perAnswer: 250,
      });
      const registry = parseOutlets(
        { allowPrivateAddresses: ['127.0.0.0/8'], outlets, searches: standIn.searches },
        'reach bench',
      );
      const client = createDynamoClient({ endpoint: dynamo.endpoint });
      const tableName = `reach-bench-${run}`;
      await ensureTable(client, tableName);
      const table = { db: createDocumentClient(client), tableName };
      const storage = dynamoPollStorage(client, table, matcher, { registry, roster });
      const started = performance.now();
      await pollSources({ registry, stateStore: storage.stateStore, sink: storage.sink });
      const reports = await runSearches({
        registry,
        targets: storage.searches?.targets ?? [],
        stateStore: storage.stateStore,
        matcher,
        ...(storage.searches ? { sink: storage.searches.sink } : {}),
      });
      const seconds = (performance.now() - started) / 1000;
      times.push(seconds);
      const found = await distinctFound(table, registry);
      const expected = sources + [...standIn.served.values()].filter(Boolean).length;
      const duplicates = await countDuplicates(table);
      const failed = reports.filter((r) => r.status === 'error').length;
      process.stderr.write(
        `reach run ${run + 1}: ${seconds.toFixed(2)} s, ${reports.length} queries (${failed} failed), ` +
          `distinct outlets ${found} of ${expected} expected, duplicates ${duplicates}\n`,
      );
      if (run === runs - 1) {
        console.log(`sources ${sources} feeds + ${reports.length} search queries, stand-in outlets 300`);
        console.log(`time (median of ${runs}) ${median(times).toFixed(2)} s`);
        console.log(`distinct outlets found ${found}, expected ${expected}`);
        console.log(`duplicates ${duplicates} (must be 0)`);
      }
      await standIn.close();
      client.destroy();
    }
  } finally {
    await press.close();
    await dynamo.stop();
  }
}

/** The headline figure over every month aggregate written. */
async function distinctFound(
  table: { db: ReturnType<typeof createDocumentClient>; tableName: string },
  registry: ReturnType<typeof parseOutlets>,
) {
  const months = new Set<string>();
  for (const item of await scan(table, 'mention')) months.add(String(item.published).slice(0, 7));
  const aggregates = await readAggregates(table, { days: [], months: [...months] });
  const perOutlet: Record<string, number> = {};
  for (const counters of aggregates.values()) {
    for (const [name, value] of Object.entries(counters)) {
      if (name.startsWith('o#')) perOutlet[name.slice(2)] = (perOutlet[name.slice(2)] ?? 0) + Number(value);
    }
  }
  return distinctOutletCount(perOutlet, createAttributor(registry));
}

/**
 * Search-found articles counted twice: a search-found mention whose outlet holds another article
 * with the same link, or the same story for the same member. (The bench press itself repeats
 * titles within one feed; those feed items are distinct articles and are not counted here.)
 */
async function countDuplicates(table: { db: ReturnType<typeof createDocumentClient>; tableName: string }) {
  const mentions = await scan(table, 'mention');
  const owners = new Map<string, Set<string>>();
  const keysOf = (item: Record<string, unknown>) => [
    `${item.outletId}\n${item.url}`,
    `${item.outletId}\n#${item.storyKey}\n${item.entityId}`,
  ];
  for (const item of mentions) {
    for (const key of keysOf(item)) {
      const set = owners.get(key) ?? new Set<string>();
      set.add(String(item.articleId));
      owners.set(key, set);
    }
  }
  return mentions.filter(
    (item) => item.foundThrough === 'search' && keysOf(item).some((key) => (owners.get(key)?.size ?? 0) > 1),
  ).length;
}

async function scan(table: { db: ReturnType<typeof createDocumentClient>; tableName: string }, type: string) {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new ScanCommand({
        TableName: table.tableName,
        FilterExpression: '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': type },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
