// From a feed on 127.0.0.1 to the table: new articles are matched and stored with their mentions and
// counters; a second poll of the unchanged feed sends a conditional request and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { articleSink } from '#shared/ingest/article-sink.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { readAggregates } from '#shared/store/aggregate-reads.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import { listMentions } from '#shared/store/mention-list.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test press</title><link>https://press.example/</link>
<item><title>Azər Allahverənovun miqrasiya təklifləri</title><link>https://press.example/az/1?utm_source=x</link>
<guid>az-1</guid><pubDate>Mon, 23 Nov 2026 08:00:00 +0400</pubDate>
<description>Dövlət Miqrasiya Xidməti yanında İctimai Şuranın sədri çıxış edib.</description></item>
<item><title>Встреча в Баку</title><link>https://press.example/ru/2</link><guid>ru-2</guid>
<pubDate>Tue, 24 Nov 2026 10:00:00 +0400</pubDate>
<description>Председатель совета Азер Аллахверанов выступил с докладом.</description></item>
<item><title>Hava proqnozu</title><link>https://press.example/az/3</link><guid>az-3</guid>
<pubDate>Tue, 24 Nov 2026 11:00:00 +0400</pubDate><description>Sabah yağış gözlənilir.</description></item>
</channel></rss>`;

let server: FeedServer;
let table: Awaited<ReturnType<typeof createTestTable>>;
const writes: string[] = [];

beforeAll(async () => {
  server = await startFeedServer({ '/rss': fixed(rss, 'application/rss+xml; charset=utf-8') });
  table = await createTestTable();
  // Count every write-type command the poll sends, to prove a re-poll writes nothing.
  table.documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      if (/Put|Update|TransactWrite|BatchWrite|Delete/.test(context.commandName ?? '')) {
        writes.push(context.commandName as string);
      }
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );
});
afterAll(async () => {
  await server.close();
  await table.drop();
});

function pollOnce() {
  const registry = parseOutlets(
    {
      outlets: [
        {
          id: 'press',
          name: 'Test Press',
          languages: ['az'],
          homepage: 'https://press.example/',
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
    sink: articleSink(context, compileMatcher(loadRoster(defaultRosterPath))),
  });
}

describe('a poll into DynamoDB Local', () => {
  it('stores every new article and one mention per person or organisation found', async () => {
    const [report] = await pollOnce();

    expect(report?.status).toBe('items');
    expect(report?.written).toBe(3);
    const context = { db: table.documentClient, tableName: table.tableName };
    const page = await listMentions(
      context,
      { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
      50,
    );
    const found = page.items.map((mention) => `${mention.entityId}@${mention.url}`).sort();
    expect(found).toEqual([
      'azer-allahveranov@https://press.example/az/1',
      'azer-allahveranov@https://press.example/ru/2',
      'public-council-sms@https://press.example/az/1',
    ]);
    const azMention = page.items.find((mention) => mention.url === 'https://press.example/az/1');
    const [start, end] = azMention?.snippet.highlights[0] ?? [0, 0];
    expect(azMention?.snippet.text.slice(start, end)).toMatch(/Allahverənov|İctimai Şura/);
    const counters = await readAggregates(context, { days: [], months: ['2026-11'] });
    expect(counters.get('2026-11')).toMatchObject({ total: 3, 'p#azer-allahveranov': 2, 'o#press': 3 });
  });

  it('sends a conditional request on the next poll and writes nothing', async () => {
    writes.length = 0;
    const [report] = await pollOnce();

    expect(report?.status).toBe('unchanged');
    const lastRequest = server.requests.at(-1);
    expect(lastRequest?.headers['if-none-match']).toBeTruthy();
    expect(writes).toEqual([]);
    const counters = await readAggregates(
      { db: table.documentClient, tableName: table.tableName },
      { days: [], months: ['2026-11'] },
    );
    expect(counters.get('2026-11')?.total).toBe(3);
  });
});
