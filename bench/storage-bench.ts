// Storage benchmark: the rate at which the poll's article sink stores new articles (dedupe read,
// matching, one transaction per article with its mentions and counters) into DynamoDB Local,
// timed apart from fetching. Run directly: `npx tsx bench/storage-bench.ts`.
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import type { FeedItem } from '#shared/feeds/poll/ports.ts';
import { articleSink } from '#shared/ingest/article-sink.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { ensureTable } from '../infra/local/ensure-table.ts';
import { median } from './bench-stats.ts';

const sentences = [
  'Dövlət Miqrasiya Xidməti yanında İctimai Şuranın sədri Azər Allahverənov çıxış edib.',
  'Председатель Общественного совета Азер Аллахверанов встретился с мигрантами.',
  'Sahib Mammadov, member of the Public Council under SMS, spoke at the event.',
  'Bakıda hava küləkli olacaq, temperatur 8-10 dərəcə.',
  'The central bank kept its rate unchanged.',
];

function items(source: number, count: number): FeedItem[] {
  return Array.from({ length: count }, (_, n) => {
    const text = `${sentences[(source + n) % sentences.length]} ${sentences[(source + n + 3) % sentences.length]}`;
    return {
      identity: `https://bench-${source}.example/articles/${n}`,
      title: `Bench article ${source}-${n}`,
      link: `https://bench-${source}.example/articles/${n}`,
      text,
      published: new Date(Date.UTC(2026, 10, 1 + (n % 28), 8)).toISOString(),
      storyKey: `story-${source}-${n}`,
    };
  });
}

/** Stores `sources × perSource` new articles, 8 sources at a time, and prints the rate. */
export async function runStorageBench(sources = 50, perSource = 20, runs = 3): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  const rates: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const client = createDynamoClient({ endpoint: dynamo.endpoint });
      const tableName = `storage-bench-${run}`;
      await ensureTable(client, tableName);
      const sink = articleSink(
        { db: createDocumentClient(client), tableName },
        compileMatcher(loadRoster(defaultRosterPath)),
      );
      const registry = parseOutlets(
        {
          outlets: Array.from({ length: sources }, (_, i) => ({
            id: `bench-${i}`,
            name: `Bench ${i}`,
            languages: ['az'],
            homepage: `https://bench-${i}.example/`,
            sources: [{ type: 'feed', url: `https://bench-${i}.example/rss` }],
          })),
        },
        'storage bench',
      );
      const limit = pLimit(8);
      const started = performance.now();
      const written = await Promise.all(
        registry.outlets.map((outlet, i) =>
          limit(() =>
            sink.store(outlet, outlet.sources[0] as never, items(i, perSource), new Date().toISOString()),
          ),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const total = written.reduce((sum, result) => sum + result.written, 0);
      rates.push(total / seconds);
      process.stderr.write(`storage run ${run + 1}: ${total} articles in ${seconds.toFixed(2)} s\n`);
      client.destroy();
    }
  } finally {
    await dynamo.stop();
  }
  console.log(
    `storage: ${sources * perSource} new articles per run (dedupe read + match + one transaction each), ` +
      `8 sources at a time: median ${median(rates).toFixed(0)} articles/s into DynamoDB Local (${runs} runs)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runStorageBench();
}
