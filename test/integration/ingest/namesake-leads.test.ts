// A namesake in a polled feed becomes a lead with its reason, never a mention or a count; the member
// named as themselves in the same poll still counts, and a second poll writes no second lead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { articleSink } from '#shared/ingest/article-sink.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { readAggregates } from '#shared/store/aggregate-reads.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import { listLeads } from '#shared/store/lead-store.ts';
import { listMentions } from '#shared/store/mention-list.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Culture press</title><link>https://culture.example/</link>
<item><title>Poet Sahib Mammadov presented his new collection of poems</title>
<link>https://culture.example/en/poet</link><guid>poet</guid><pubDate>Mon, 23 Nov 2026 08:00:00 +0400</pubDate>
<description>The poet read from his books at the Writers' Union.</description></item>
<item><title>Azer Allahveranov met migrants in Baku</title><link>https://culture.example/en/council</link>
<guid>council</guid><pubDate>Mon, 23 Nov 2026 09:00:00 +0400</pubDate>
<description>The chairman of the Public Council spoke about integration.</description></item>
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

const context = () => ({ db: table.documentClient, tableName: table.tableName });

function pollOnce() {
  const registry = parseOutlets(
    {
      outlets: [
        {
          id: 'culture',
          name: 'Culture Press',
          languages: ['en'],
          homepage: 'https://culture.example/',
          sources: [{ type: 'feed', url: server.url('/rss'), language: 'en' }],
        },
      ],
      allowPrivateAddresses: ['127.0.0.0/8'],
    },
    'test registry',
  );
  return pollSources({
    registry,
    stateStore: dynamoFeedStateStore(context()),
    sink: articleSink(context(), compileMatcher(loadRoster(defaultRosterPath))),
  });
}

describe('namesakes found by a feed poll', () => {
  it('stores the poet as a lead with its reason and counts only the member', async () => {
    // Act
    const [report] = await pollOnce();

    // Assert
    expect(report?.written).toBe(2);
    const mentions = await listMentions(
      context(),
      { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' },
      50,
    );
    expect(mentions.items.map((mention) => mention.entityId)).not.toContain('sahib-mammadov');
    const leads = await listLeads(context(), 'open');
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      memberId: 'sahib-mammadov',
      reason: 'cancelled',
      url: 'https://culture.example/en/poet',
      outletId: 'culture',
    });
    expect(leads[0]?.reasonDetail).toMatch(/^profession: /);
    const counters = await readAggregates(context(), { days: [], months: ['2026-11'] });
    expect(counters.get('2026-11')).toMatchObject({ total: 1, 'p#azer-allahveranov': 1 });
    expect(counters.get('2026-11')?.['p#sahib-mammadov']).toBeUndefined();
  });

  it('writes no second lead when the feed is polled again', async () => {
    await pollOnce();
    expect(await listLeads(context(), 'open')).toHaveLength(1);
  });
});
