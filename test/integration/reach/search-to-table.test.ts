import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enabledSources, parseOutlets } from '#shared/config/outlets.ts';
import { parseRoster } from '#shared/config/roster.ts';
import { pollSources, type SourceReport } from '#shared/feeds/poll/poll-sources.ts';
import { dynamoPollStorage, type IngestionStorage } from '#shared/ingest/open-ingestion.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { reviewLead } from '#shared/reach/lead-review.ts';
import type { SearchReport } from '#shared/reach/poll-searches.ts';
import { runSearches } from '#shared/reach/run-searches.ts';
import { readAggregates } from '#shared/store/aggregate-reads.ts';
import { getDiscoveredOutlet } from '#shared/store/discovered-outlet-store.ts';
import { listLeads } from '#shared/store/lead-store.ts';
import { markOutletNotPress } from '#shared/store/outlet-exclusion.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { bingNewsRss, googleNewsRss, type StandInResult } from '../../../infra/local/news-search-shapes.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

const published = new Date('2026-11-30T07:45:00Z');
const roster = parseRoster(
  {
    people: [
      {
        id: 'azer-allahveranov',
        names: { en: 'Azer Allahveranov', az: 'Azər Allahverənov', ru: 'Азер Аллахверанов' },
        surnameAlone: true,
      },
    ],
    organisations: [],
  },
  'test roster',
);
const matcher = compileMatcher(roster);
const html = (body: string) =>
  fixed(`<html><body><article><p>${body}</p></article></body></html>`, 'text/html; charset=utf-8');

let server: FeedServer;
let db: Awaited<ReturnType<typeof createTestTable>>;
let table: TableContext;
let storage: IngestionStorage;
let searchReports: SearchReport[];
let laterReports: SourceReport[];

beforeAll(async () => {
  const routes = {
    '/trend/feed.xml': (req: never, res: never) => feed(req, res),
    '/trend/article-1': html('Azər Allahverənov miqrasiya forumunda çıxış edib.'),
    '/trend/later.xml': (req: never, res: never) => laterFeed(req, res),
    '/redirect/trend-1': redirectTo('/trend/article-1'),
    '/redirect/yenisabah-1': redirectTo('/yenisabah/forum'),
    '/yenisabah/forum': html('Forumda Azər Allahverənov regional dinləmələr barədə danışıb.'),
    '/google/rss/search': (req: never, res: never) => google(req, res),
    '/bing/news/search': (req: never, res: never) => bing(req, res),
  };
  server = await startFeedServer(routes as never);
  const at = (path: string) => server.url(path);
  const feed = fixed(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Trend</title><item><title>Azər Allahverənov miqrasiya forumunda çıxış edib</title><link>${at('/trend/article-1')}</link><pubDate>${published.toUTCString()}</pubDate></item></channel></rss>`,
    'application/rss+xml',
  );
  // Polled after the searches: it carries a story a search already stored for the outlet.
  const laterFeed = fixed(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Trend EN</title><item><title>Azer Allahveranov met migrants in Ganja</title><link>${at('/trend/article-2')}</link><pubDate>${published.toUTCString()}</pubDate></item></channel></rss>`,
    'application/rss+xml',
  );
  const googleResults: StandInResult[] = [
    // The registered outlet's own feed carries this one: it must not be stored twice.
    {
      title: 'Azər Allahverənov miqrasiya forumunda çıxış edib',
      url: '',
      redirect: at('/redirect/trend-1'),
      outletName: 'Trend.Az',
      outletUrl: 'https://www.trend.az',
      snippet: '',
      published,
    },
    // The name is only in the article: the redirect resolves and the text confirms it.
    {
      title: 'Bakıda miqrasiya forumu keçirilib',
      url: '',
      redirect: at('/redirect/yenisabah-1'),
      outletName: 'Yeni Sabah',
      outletUrl: 'https://yenisabah.az',
      snippet: '',
      published,
    },
    // The link leads nowhere: the engine link is kept, and nothing confirms a name, so it is a lead.
    {
      title: 'Forumda əmək miqrasiyası müzakirə olunub',
      url: '',
      redirect: at('/gone/1'),
      outletName: 'Qafqaz Xəbər',
      outletUrl: 'https://az.qafqazxeber.az',
      snippet: '',
      published,
    },
  ];
  const bingResults: StandInResult[] = [
    // An edition subdomain of the registered outlet: attributed to it.
    {
      title: 'Azer Allahveranov met migrants in Ganja',
      url: 'https://en.trend.az/azerbaijan/society/3900002.html',
      outletName: 'Trend',
      outletUrl: '',
      snippet: 'Azer Allahveranov visited Ganja.',
      published,
    },
    // A subdomain of the outlet Google attributed above: one outlet, yenisabah.az.
    {
      title: 'Azer Allahveranov at the migration forum',
      url: 'https://m.yenisabah.az/en/forum-2',
      outletName: 'Yeni Sabah',
      outletUrl: '',
      snippet: 'Azer Allahveranov spoke in Baku.',
      published: new Date('2026-11-29T10:00:00Z'),
    },
    {
      title: 'Migration trends discussed by experts',
      url: 'https://www.caspiannews.com/news-detail/migration-trends',
      outletName: 'Caspian News',
      outletUrl: '',
      snippet: 'Experts met in Baku.',
      published,
    },
  ];
  const google = fixed(googleNewsRss('q', googleResults), 'application/rss+xml');
  const bing = fixed(bingNewsRss('q', bingResults, at('/bing/news/apiclick.aspx')), 'application/rss+xml');

  db = await createTestTable();
  table = { db: db.documentClient, tableName: db.tableName };
  const registry = parseOutlets(
    {
      allowPrivateAddresses: ['127.0.0.0/8'],
      outlets: [
        {
          id: 'trend',
          name: 'Trend',
          languages: ['az', 'en'],
          homepage: 'https://trend.az',
          sources: [
            { type: 'feed', url: at('/trend/feed.xml'), language: 'az' },
            { type: 'feed', url: at('/trend/later.xml'), language: 'en' },
          ],
        },
      ],
      searches: [
        {
          id: 'google-az',
          engine: 'google-news',
          url: `${at('/google/rss/search')}?q={query}&hl=az&gl=AZ&ceid=AZ:az`,
          language: 'az',
        },
        {
          id: 'bing-en',
          engine: 'bing-news',
          url: `${at('/bing/news/search')}?q={query}&format=rss`,
          language: 'en',
          // Its links name public hosts, which a test never contacts.
          resolveLinks: false,
        },
      ],
    },
    'test registry',
  );
  storage = dynamoPollStorage(db.client, table, matcher, { registry, roster });
  const [first, later] = enabledSources(registry);
  await pollSources({
    registry,
    sources: [first as never],
    stateStore: storage.stateStore,
    sink: storage.sink,
  });
  const searches = storage.searches;
  if (!searches) throw new Error('no search storage');
  searchReports = await runSearches({
    registry,
    targets: searches.targets,
    stateStore: storage.stateStore,
    matcher,
    sink: searches.sink,
    baseDelayMs: 10,
  });
  laterReports = await pollSources({
    registry,
    sources: [later as never],
    stateStore: storage.stateStore,
    sink: storage.sink,
  });
});

afterAll(async () => {
  await server?.close();
  await db?.drop();
});

function redirectTo(path: string) {
  return (_req: unknown, res: { writeHead: (s: number, h: Record<string, string>) => { end: () => void } }) =>
    res.writeHead(302, { location: path }).end();
}

async function monthCounters() {
  return (await readAggregates(table, { days: [], months: ['2026-11'] })).get('2026-11') ?? {};
}

const items = (id: string) => searchReports.find((r) => r.searchId === id)?.items ?? [];

describe('search results', () => {
  it('asks each engine for the roster name in quotes, in its language', () => {
    expect(searchReports.map((r) => [r.searchId, r.query])).toEqual([
      ['google-az', '"Azər Allahverənov"'],
      ['bing-en', '"Azer Allahveranov"'],
    ]);
    const google = server.requests.find((r) => r.path === '/google/rss/search');
    expect(google).toBeDefined();
  });

  it('resolves a redirect to the article and confirms the name in its text', () => {
    const found = items('google-az').find((r) => r.outlet === 'yenisabah.az');
    expect(found).toMatchObject({
      link: server.url('/yenisabah/forum'),
      resolved: true,
      members: ['azer-allahveranov'],
      registered: false,
    });
  });

  it('keeps the engine link when the redirect cannot be resolved', () => {
    const lost = items('google-az').find((r) => r.outlet === 'qafqazxeber.az');
    expect(lost).toMatchObject({ link: server.url('/gone/1'), resolved: false, members: [] });
  });

  it('attributes a registered outlet through <source url> with www.', () => {
    expect(items('google-az')[0]).toMatchObject({ outlet: 'trend.az', outletId: 'trend', registered: true });
  });

  it('merges a subdomain into the outlet found before, by registrable domain', async () => {
    expect(items('bing-en')[1]).toMatchObject({ outlet: 'yenisabah.az', outletId: 'yenisabah.az' });
    const outlet = await getDiscoveredOutlet(table, 'yenisabah.az');
    expect(outlet).toMatchObject({ name: 'Yeni Sabah', mentions: 2, notPress: false });
  });

  it("never stores again an item the outlet's own feed carried, nor a feed item search stored first", async () => {
    const counters = await monthCounters();
    // One article from the feed, one from search through en.trend.az; the copies of each are skipped.
    expect(counters['o#trend']).toBe(2);
    expect(searchReports[0]?.written).toBe(1);
    expect(items('bing-en')[0]).toMatchObject({ outlet: 'trend.az', outletId: 'trend', registered: true });
    expect(laterReports[0]).toMatchObject({ status: 'items', written: 0 });
  });
});

describe('leads and not-press outlets', () => {
  it('stores unconfirmed results as leads, counted nowhere', async () => {
    const leads = await listLeads(table, 'open');
    expect(leads.map((lead) => lead.outlet).sort()).toEqual(['caspiannews.com', 'qafqazxeber.az']);
    const counters = await monthCounters();
    expect(counters['o#caspiannews.com']).toBeUndefined();
    expect(counters.total).toBe(4);
  });

  it('confirms one lead into a counted mention and dismisses another', async () => {
    const leads = await listLeads(table, 'open');
    const caspian = leads.find((lead) => lead.outlet === 'caspiannews.com');
    const qafqaz = leads.find((lead) => lead.outlet === 'qafqazxeber.az');
    const at = '2026-11-30T10:00:00Z';
    const confirmed = await reviewLead(table, roster, {
      leadId: caspian?.leadId ?? '',
      action: 'confirm',
      by: 'pr',
      at,
    });
    expect(confirmed).toMatchObject({ status: 'confirmed', memberId: 'azer-allahveranov' });
    await reviewLead(table, roster, { leadId: qafqaz?.leadId ?? '', action: 'dismiss', by: 'pr', at });
    const counters = await monthCounters();
    expect(counters['o#caspiannews.com']).toBe(1);
    expect(counters['o#qafqazxeber.az']).toBeUndefined();
    expect(counters.total).toBe(5);
    expect(await listLeads(table, 'open')).toEqual([]);
    await expect(
      reviewLead(table, roster, { leadId: qafqaz?.leadId ?? '', action: 'confirm', by: 'pr', at }),
    ).rejects.toThrow(/already dismissed/);
  });

  it('marks a discovered outlet not press and back, and the counts follow both ways', async () => {
    const before = await monthCounters();
    expect(before['o#yenisabah.az']).toBe(2);
    await markOutletNotPress(table, {
      domain: 'yenisabah.az',
      notPress: true,
      by: 'pr',
      at: '2026-11-30T11:00:00Z',
    });
    const excluded = await monthCounters();
    expect(excluded['o#yenisabah.az']).toBe(0);
    expect(excluded.total).toBe((before.total ?? 0) - 2);
    expect(excluded['p#azer-allahveranov']).toBe((before['p#azer-allahveranov'] ?? 0) - 2);
    await markOutletNotPress(table, {
      domain: 'yenisabah.az',
      notPress: false,
      by: 'pr',
      at: '2026-11-30T12:00:00Z',
    });
    expect(await monthCounters()).toEqual(before);
  });
});
