// A feed that carries its whole archive hands on only its newest items (500 unless the registry or
// the source says otherwise), and feed health says how many were cut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
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
