// A feed of numbered items naming roster members, served on 127.0.0.1, and a poll of it into a table
// through the worker's own batch use case: the ingestion path the fault tests break.
import { type OutletRegistry, parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import type { SourceReport } from '#shared/feeds/poll/poll-sources.ts';
import { dynamoPollStorage } from '#shared/ingest/open-ingestion.ts';
import { processPollBatch } from '#shared/ingest/process-poll-batch.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';

/** An RSS feed of `count` items: each names Azər Allahverənov, every other one the council too. */
export function numberedFeed(count: number): string {
  const items = Array.from({ length: count }, (_, index) => {
    const day = String(1 + (index % 28)).padStart(2, '0');
    const council = index % 2 === 0 ? ' Dövlət Miqrasiya Xidməti yanında İctimai Şuranın iclası.' : '';
    return `<item><title>Azər Allahverənov çıxış edib, xəbər ${index}</title>
<link>https://press.example/az/${index}</link><guid>item-${index}</guid>
<pubDate>${day} Nov 2026 08:00:00 +0400</pubDate><description>Bu gün${council}</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Press</title>
<link>https://press.example/</link>${items.join('\n')}</channel></rss>`;
}

/** A registry of one outlet polling `feedUrl`, allowed to reach loopback. */
export function feedRegistryValue(feedUrl: string) {
  return {
    outlets: [
      {
        id: 'press',
        name: 'Test Press',
        languages: ['az'],
        homepage: 'https://press.example/',
        sources: [{ type: 'feed', url: feedUrl }],
      },
    ],
    allowPrivateAddresses: ['127.0.0.0/8'],
  };
}

/** Polls every source of `registry` once as a scrape worker would, storing at `endpoint`. */
export async function pollBatchInto(
  registry: OutletRegistry,
  endpoint: string,
  tableName: string,
): Promise<SourceReport[]> {
  const client = createDynamoClient({ endpoint });
  const storage = dynamoPollStorage(
    client,
    { db: createDocumentClient(client), tableName },
    compileMatcher(loadRoster(defaultRosterPath)),
  );
  try {
    const sourceIds = registry.outlets.flatMap((outlet) => outlet.sources.map((source) => source.sourceId));
    return await processPollBatch(
      { sourceIds, dispatchedAt: new Date().toISOString() },
      registry,
      storage,
      () => {},
    );
  } finally {
    await storage.close();
  }
}

/** The registry for `feedUrl`. */
export const feedRegistry = (feedUrl: string) => parseOutlets(feedRegistryValue(feedUrl), 'fault registry');
