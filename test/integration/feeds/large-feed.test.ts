// A feed that carries its whole archive hands on only its newest items (500 unless the registry or
// the source says otherwise), and feed health says how many were cut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutletSource } from '#shared/config/outlets.ts';
import { parseOutlets } from '#shared/config/outlets.ts';
import { parseFeedBody } from '#shared/feeds/parse/body-parser.ts';
import { parseFeedBytes } from '#shared/feeds/parse/feed-bytes.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import type { FeedItem } from '#shared/feeds/poll/ports.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

// Items oldest first, the order an archive dump often has, so "newest" cannot mean "first".
const archive = (count: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Archive</title><link>https://arch.example/</link>${Array.from(
    { length: count },
    (_, i) =>
      `<item><title>Story ${i}</title><link>/s/${i}</link><guid>s-${i}</guid><pubDate>${new Date(
        Date.UTC(2026, 0, 1) + i * 3600_000,
      ).toUTCString()}</pubDate></item>`,
  ).join('')}</channel></rss>`;

describe('a feed larger than its item limit', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer({
      '/archive': fixed(archive(1_200), 'application/rss+xml', { gzip: true }),
    });
  });
  afterAll(() => server.close());

  const registry = (extra: Record<string, unknown>, source: Record<string, unknown> = {}) =>
    parseOutlets(
      {
        allowPrivateAddresses: ['127.0.0.0/8'],
        ...extra,
        outlets: [
          {
            id: 'arch',
            name: 'Archive',
            languages: ['en'],
            homepage: 'https://arch.example',
            sources: [{ type: 'feed', url: server.url('/archive'), ...source }],
          },
        ],
      },
      'test registry',
    );

  it('matches and stores only the newest 500 by default and records the cut', async () => {
    // Arrange
    const matched: FeedItem[][] = [];
    const stored: FeedItem[][] = [];
    const stateStore = new MemoryFeedStateStore();

    // Act
    const [report] = await pollSources({
      registry: registry({}),
      stateStore,
      sink: {
        store: async (_o, _s, items) => {
          stored.push(items);
          return { written: items.length };
        },
      },
      onItems: (_o, _s, items) => {
        matched.push(items);
      },
      now: new Date('2026-03-01T00:00:00Z'),
    });

    // Assert
    expect(report?.status).toBe('items');
    expect(report?.items).toHaveLength(500);
    expect(report?.itemsCut).toBe(700);
    expect(matched[0]).toHaveLength(500);
    expect(stored[0]?.[0]?.title).toBe('Story 700');
    expect(stored[0]?.at(-1)?.title).toBe('Story 1199');
    expect([...stateStore.states.values()][0]).toMatchObject({ itemsSeen: 1_200, itemsCut: 700 });
  });

  it('takes the limit from the registry, and a source limit over it', async () => {
    const [wide] = await pollSources({
      registry: registry({ maxItemsPerFeed: 2_000 }),
      stateStore: new MemoryFeedStateStore(),
      sink: { store: async () => ({ written: 0 }) },
    });
    const [narrow] = await pollSources({
      registry: registry({ maxItemsPerFeed: 2_000 }, { maxItems: 10 }),
      stateStore: new MemoryFeedStateStore(),
      sink: { store: async () => ({ written: 0 }) },
    });

    expect(wide?.items).toHaveLength(1_200);
    expect(wide?.itemsCut).toBeUndefined();
    expect(narrow?.items?.map((i) => i.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Story ${1_190 + i}`),
    );
  });

  it('refuses a limit that is not a positive integer, naming the field', () => {
    expect(() => registry({ maxItemsPerFeed: 0 })).toThrow(/maxItemsPerFeed/);
    expect(() => registry({}, { maxItems: 1.5 })).toThrow(/sources\[0\]\.maxItems/);
  });
});

describe('a body over a megabyte, read as a stream', () => {
  // About 2 MB: CDATA HTML descriptions, entities, Cyrillic, and items newest first.
  const big = (count: number) =>
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Böyük</title><link>https://big.example/</link>${Array.from(
      { length: count },
      (_, i) =>
        `<item><title>Xəbər ${i} &amp; Новость &#8470;${i}</title><link>/x/${i}</link><guid isPermaLink="false">b-${i}</guid>` +
        `<pubDate>${new Date(Date.UTC(2026, 10, 1) - i * 60_000).toUTCString()}</pubDate>` +
        `<description><![CDATA[<p>İctimai Şura &laquo;${i}&raquo; — Совет ${'мигранты '.repeat(8)}</p>]]></description></item>`,
    ).join('')}</channel></rss>`;
  const source = {
    type: 'feed',
    url: 'https://big.example/rss',
    timeZone: 'UTC',
    enabled: true,
    sourceId: 'b:1',
  } as OutletSource;
  const ctx = { finalUrl: 'https://big.example/rss', timeZone: 'UTC' };
  // Cut into uneven chunks, as a socket or a gunzip stream delivers them.
  const chunked = (bytes: Buffer) => {
    const chunks: Buffer[] = [];
    for (let at = 0, n = 0; at < bytes.length; n++) {
      const size = [1_000, 16_384, 65_536, 7][n % 4] as number;
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    return chunks;
  };

  it('gives the same items as the whole-text path', async () => {
    // Arrange
    const text = big(6_000);
    const bytes = Buffer.from(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);

    // Act
    const streamed = await parseFeedBytes(chunked(bytes), 'application/rss+xml', source, ctx, 500);
    const whole = await parseFeedBody(text, source, ctx, 500);

    // Assert
    expect(streamed.total).toBe(6_000);
    expect(streamed.items).toHaveLength(500);
    expect(streamed.items).toEqual(whole.items);
    expect(streamed.items[0]).toMatchObject({
      guid: 'b-0',
      link: 'https://big.example/x/0',
      title: 'Xəbər 0 & Новость №0',
    });
    expect(streamed.items[0]?.text).toMatch(/^İctimai Şura «0» — Совет мигранты/);
  });

  it('keeps the complete items of a large body cut off part-way', async () => {
    const bytes = Buffer.from(big(6_000));
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));

    const parsed = await parseFeedBytes(chunked(cut), 'application/rss+xml', source, ctx, 10_000);

    expect(parsed.total).toBeGreaterThan(4_000);
    expect(parsed.items.at(-1)?.guid).toBe(`b-${parsed.total - 1}`);
  });

  it('falls back to the declared charset when a large body is not UTF-8', async () => {
    // windows-1251 bytes for the Cyrillic letters, by hand (Node has no 1251 encoder).
    // Letters outside ASCII and Cyrillic (ə, İ, ş) become "?".
    const text = big(6_000).replace('encoding="UTF-8"', 'encoding="windows-1251"');
    const bytes = Buffer.from(
      [...text].map((c) => {
        const code = c.codePointAt(0) ?? 63;
        return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code < 128 ? code : 63;
      }),
    );

    const parsed = await parseFeedBytes(chunked(bytes), 'text/xml', source, ctx, 5);

    expect(parsed.total).toBe(6_000);
    expect(parsed.items[0]?.title).toBe('X?b?r 0 & Новость №0');
  });
});
