// Large articles through a real poll into DynamoDB Local: a feed item far larger than the 400 KB
// item limit is stored cut to its budget, marked as cut, and counted once (the poll neither fails on
// it nor tries it again); an item naming more entities than one transaction holds keeps them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster, parseRoster } from '#shared/config/roster.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { articleSink } from '#shared/ingest/article-sink.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { readAggregates } from '#shared/store/aggregate-reads.ts';
import { mentionsPerArticleTransaction } from '#shared/store/article-writes.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import { itemBudget } from '#shared/store/item-budget.ts';
import { listMentions } from '#shared/store/mention-list.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

/** Made-up organisation names no word of the feed shares: Kakakavorin, Kakalovorin, ... */
const syllables = ['ka', 'lo', 've', 'ri', 'tu', 'mo', 'se', 'da', 'ni', 'po'];
const organisationCount = 130;
const organisationName = (n: number) => {
  const word = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10].map((d) => syllables[d]).join('');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}vorin Institute`;
};
const crowded = Array.from({ length: organisationCount }, (_, n) => organisationName(n)).join(', ');

// About 425 KB of title, naming the chairman at its start and many times over.
const hugeTitle = `Azər Allahverənov ${'miqrasiya siyasəti, Azər Allahverənov deyib; '.repeat(9_000)}`.trim();
const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Big press</title><link>https://big.example/</link>
<item><title>${hugeTitle}</title><link>https://big.example/1</link><guid>big-1</guid>
<pubDate>Mon, 23 Nov 2026 08:00:00 +0400</pubDate><description>Uzun məqalə.</description></item>
<item><title>Azər Allahverənov görüş keçirib</title><link>https://big.example/2</link><guid>big-2</guid>
<pubDate>Mon, 23 Nov 2026 09:00:00 +0400</pubDate><description>Qısa xəbər.</description></item>
<item><title>Many institutes met</title><link>https://big.example/3</link><guid>big-3</guid>
<pubDate>Mon, 23 Nov 2026 10:00:00 +0400</pubDate><description>Present: ${crowded}.</description></item>
</channel></rss>`;

let server: FeedServer;
let table: Awaited<ReturnType<typeof createTestTable>>;

beforeAll(async () => {
  server = await startFeedServer({ '/rss': fixed(rss, 'application/rss+xml; charset=utf-8') });
  table = await createTestTable();
});
afterAll(async () => {
  await server.close();
  await table.drop();
});

function pollOnce(roster = loadRoster(defaultRosterPath)) {
  const registry = parseOutlets(
    {
      outlets: [
        {
          id: 'big',
          name: 'Big Press',
          languages: ['az'],
          homepage: 'https://big.example/',
          sources: [{ type: 'feed', url: server.url('/rss') }],
        },
      ],
      allowPrivateAddresses: ['127.0.0.0/8'],
    },
    'test registry',
  );
  const context = { db: table.documentClient, tableName: table.tableName };
  return pollSources({
    registry,
    stateStore: dynamoFeedStateStore(context),
    sink: articleSink(context, compileMatcher(roster)),
  });
}

describe('an item larger than DynamoDB allows', () => {
  it('is stored cut to its budget and marked, and a second poll does not write it again', async () => {
    expect(Buffer.byteLength(hugeTitle)).toBeGreaterThan(420_000);

    const [first] = await pollOnce();
    const [second] = await pollOnce();

    expect(first).toMatchObject({ status: 'items', written: 3 });
    expect(second?.written ?? 0).toBe(0);
    const context = { db: table.documentClient, tableName: table.tableName };
    const page = await listMentions(
      context,
      { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
      10,
    );
    const big = page.items.find((item) => item.url === 'https://big.example/1');
    expect(big?.truncated).toEqual(expect.arrayContaining(['title', 'spans']));
    expect(Buffer.byteLength(big?.title ?? '')).toBeLessThanOrEqual(itemBudget.titleBytes);
    expect(hugeTitle.startsWith(big?.title ?? '-')).toBe(true);
    expect(big?.spans).toHaveLength(itemBudget.spansPerMention);
    const small = page.items.find((item) => item.url === 'https://big.example/2');
    expect(small?.truncated).toBeUndefined();
    const counters = await readAggregates(context, { days: ['2026-11-23'], months: ['2026-11'] });
    expect(counters.get('2026-11-23')?.total).toBe(2);
  });
});

describe('an article naming more entities than one transaction holds', () => {
  it('is stored through the poll with every mention counted', async () => {
    const table2 = await createTestTable();
    const context = { db: table2.documentClient, tableName: table2.tableName };
    const roster = parseRoster(
      {
        organisations: Array.from({ length: organisationCount }, (_, n) => ({
          id: `org-${n}`,
          names: { en: organisationName(n) },
        })),
      },
      'test roster',
    );
    const registry = parseOutlets(
      {
        outlets: [
          {
            id: 'big',
            name: 'Big Press',
            languages: ['en'],
            homepage: 'https://big.example/',
            sources: [{ type: 'feed', url: server.url('/rss') }],
          },
        ],
        allowPrivateAddresses: ['127.0.0.0/8'],
      },
      'test registry',
    );
    try {
      const [report] = await pollSources({
        registry,
        stateStore: dynamoFeedStateStore(context),
        sink: articleSink(context, compileMatcher(roster)),
      });

      expect(report?.written).toBeGreaterThanOrEqual(1);
      expect(organisationCount).toBeGreaterThan(mentionsPerArticleTransaction('2026-11-23T06:00:00Z'));
      const counters = await readAggregates(context, { days: ['2026-11-23'], months: ['2026-11'] });
      const organisations = Object.keys(counters.get('2026-11-23') ?? {}).filter((name) =>
        name.startsWith('g#'),
      );
      expect(organisations).toHaveLength(organisationCount);
      expect(counters.get('2026-11')?.total).toBe(organisationCount);
    } finally {
      await table2.drop();
    }
  });
});
