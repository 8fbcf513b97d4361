// The poller against a real server on 127.0.0.1 serving every format and every way a feed breaks.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { pollSources, type SourceReport } from '#shared/feeds/poll/poll-sources.ts';
import type { FeedItem, ItemSink } from '#shared/feeds/poll/ports.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));

// windows-1251 bytes for Cyrillic text, built by hand (Node has no 1251 encoder).
function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.codePointAt(0) ?? 63;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (c === 'ё') return 0xb8;
      return code < 128 ? code : 63;
    }),
  );
}
const cyrillicFeed = (prolog: string) =>
  `<?xml version="1.0"${prolog}?><rss version="2.0"><channel><title>Лента</title><link>https://ru.example/</link>` +
  '<item><title>Азер Аллахверанов встретился с мигрантами</title><link>/ru/1</link><guid>ru-1</guid></item></channel></rss>';

class MemorySink implements ItemSink {
  readonly stored = new Map<string, FeedItem[]>();
  async store(_outlet: unknown, source: { url: string }, items: FeedItem[]) {
    const known = this.stored.get(source.url) ?? [];
    const fresh = items.filter((i) => !known.some((k) => k.identity === i.identity));
    this.stored.set(source.url, [...known, ...fresh]);
    return { written: fresh.length };
  }
}

const good: Record<string, string> = {
  '/rss2.xml': 'rss2-cdata-entities.xml',
  '/rss091.xml': 'rss091-public-dtd.xml',
  '/rdf.xml': 'rdf.xml',
  '/atom.xml': 'atom.xml',
  '/feed.json': 'feed.json',
  '/dates.xml': 'dates.xml',
  '/guids.xml': 'guids.xml',
  '/one-guid.xml': 'one-guid.xml',
  '/truncated.xml': 'truncated.xml',
};
const bad: Record<string, string> = {
  '/error-page.html': 'unparseable',
  '/billion-laughs.xml': 'unparseable',
  '/external-entity.xml': 'unparseable',
  '/status-500': 'http-status',
  '/status-404': 'http-status',
  '/forbidden': 'blocked',
  '/challenge': 'blocked',
  '/stall': 'timeout',
  '/reset': 'network',
  '/loop-a': 'http-status',
  '/huge': 'too-large',
};

describe('pollSources against a hostile press', () => {
  let server: FeedServer;
  let reports: SourceReport[];
  const sink = new MemorySink();
  const stateStore = new MemoryFeedStateStore();
  let registry: ReturnType<typeof parseOutlets>;
  let rssBefore = 0;

  beforeAll(async () => {
    const routes = Object.fromEntries(
      Object.entries(good).map(([path, file]) => [
        path,
        fixed(fixture(file), 'application/xml', { gzip: path === '/atom.xml' }),
      ]),
    );
    server = await startFeedServer({
      ...routes,
      '/error-page.html': fixed(fixture('error-page.html'), 'application/rss+xml'),
      '/billion-laughs.xml': fixed(fixture('billion-laughs.xml'), 'application/xml'),
      '/external-entity.xml': fixed(fixture('external-entity.xml'), 'application/xml'),
      '/cp1251-prolog.xml': fixed(windows1251(cyrillicFeed(' encoding="windows-1251"')), 'text/xml'),
      '/cp1251-header.xml': fixed(windows1251(cyrillicFeed('')), 'text/xml; charset=windows-1251', {
        etag: false,
      }),
      '/bom.xml': fixed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('guids.xml')]), 'text/html'),
      '/listing': fixed(fixture('listing.html'), 'text/html; charset=utf-8'),
    });
    const feedPaths = [
      ...Object.keys(good),
      ...Object.keys(bad),
      '/cp1251-prolog.xml',
      '/cp1251-header.xml',
      '/bom.xml',
    ];
    registry = parseOutlets(
      {
        allowPrivateAddresses: ['127.0.0.0/8'],
        outlets: [
          {
            id: 'local',
            name: 'Local press',
            languages: ['az'],
            homepage: server.origin,
            sources: [
              ...feedPaths.map((p) => ({ type: 'feed', url: server.url(p), timeZone: 'Asia/Baku' })),
              {
                type: 'html',
                url: server.url('/listing'),
                selectors: { item: 'article', link: 'a', title: 'h2', date: 'time' },
                dateAttribute: 'datetime',
                timeZone: 'Asia/Baku',
              },
            ],
          },
        ],
      },
      'test registry',
    );
    rssBefore = process.memoryUsage().rss;
    reports = await pollSources({
      registry,
      stateStore,
      sink,
      now: new Date('2024-03-06T00:00:00Z'),
      timeoutMs: 1_500,
      deadlineMs: 4_000,
      baseDelayMs: 50,
      maxRetries: 1,
      maxBytes: 2 * 1024 * 1024,
    });
  }, 60_000);

  afterAll(() => server.close());

  const report = (path: string) => reports.find((r) => r.url === server.url(path));

  it('stores the items of every good and repaired source', () => {
    for (const path of [
      ...Object.keys(good),
      '/cp1251-prolog.xml',
      '/cp1251-header.xml',
      '/bom.xml',
      '/listing',
    ]) {
      expect(report(path)?.status, path).toBe('items');
      expect(sink.stored.get(server.url(path))?.length, path).toBeGreaterThan(0);
    }
  });

  it('records the error kind of every bad source and stores nothing for it', () => {
    for (const [path, kind] of Object.entries(bad)) {
      expect(report(path)?.error?.kind, path).toBe(kind);
      expect(sink.stored.has(server.url(path)), path).toBe(false);
      expect(stateStore.states.get(report(path)?.sourceId ?? '')?.lastError?.kind, path).toBe(kind);
    }
  });

  it('decodes windows-1251 declared in the prolog or only in the header', () => {
    for (const path of ['/cp1251-prolog.xml', '/cp1251-header.xml']) {
      expect(sink.stored.get(server.url(path))?.[0]?.title).toBe('Азер Аллахверанов встретился с мигрантами');
      expect(sink.stored.get(server.url(path))?.[0]?.link).toBe('https://ru.example/ru/1');
    }
  });

  it('keeps the complete items of a truncated feed', () => {
    expect(report('/truncated.xml')?.items?.map((i) => i.identity)).toEqual(['c1', 'c2']);
  });

  it('keeps one item per guid and distrusts a guid shared by different links', () => {
    expect(report('/guids.xml')?.items?.map((i) => i.identity)).toEqual(['g1', 'g2']);
    expect(report('/one-guid.xml')?.items?.map((i) => i.identity)).toEqual([
      'https://oneguid.example/a',
      'https://oneguid.example/b',
      'https://oneguid.example/c',
    ]);
  });

  it('cuts the 200 MB body at the cap without the server sending it all', () => {
    expect(report('/huge')?.error?.message).toContain('cap');
    expect(server.hugeBytesSent()).toBeLessThan(200 * 1024 * 1024);
    // Loose bound: the whole poll stays far below the 200 MB the server offered.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
  });

  it('sends conditional requests on a re-poll and writes nothing new', async () => {
    const goodSources = registry.outlets[0]?.sources.filter((s) => good[new URL(s.url).pathname]) ?? [];
    const outlet = registry.outlets[0];
    if (!outlet) throw new Error('no outlet');
    const before = server.requests.length;

    const again = await pollSources({
      registry,
      sources: goodSources.map((source) => ({ outlet, source })),
      stateStore,
      sink,
    });

    expect(again.every((r) => r.status === 'unchanged')).toBe(true);
    const conditional = server.requests.slice(before);
    expect(conditional).toHaveLength(goodSources.length);
    expect(conditional.every((r) => typeof r.headers['if-none-match'] === 'string')).toBe(true);
  });

  it('falls back to If-Modified-Since when the server sends no ETag', async () => {
    const outlet = registry.outlets[0];
    const source = outlet?.sources.find((s) => s.url.endsWith('/cp1251-header.xml'));
    if (!outlet || !source) throw new Error('missing source');
    const before = server.requests.length;

    const [again] = await pollSources({ registry, sources: [{ outlet, source }], stateStore, sink });

    expect(again?.status).toBe('unchanged');
    expect(server.requests[before]?.headers['if-modified-since']).toBe('Tue, 05 Mar 2024 10:00:00 GMT');
    expect(server.requests[before]?.headers['if-none-match']).toBeUndefined();
  });
});
