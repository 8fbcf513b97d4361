// Bodies that break after the headers: a reset or a stall part-way, plain and gzip-encoded. Each
// must end the poll with its transport error kind, never hang or pass for a broken feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { type FeedServer, fixed, registryOf, startFeedServer } from '../../helpers/feed-server.ts';

const sink = { store: async (_o: unknown, _s: unknown, items: unknown[]) => ({ written: items.length }) };
const feed =
  '<rss version="2.0"><channel><title>t</title><item><title>Whole at last</title><link>https://a.example/1</link></item></channel></rss>';

describe('pollSources with bodies broken part-way', () => {
  let server: FeedServer;
  let flakyCalls = 0;

  beforeAll(async () => {
    const ok = fixed(feed, 'application/rss+xml');
    server = await startFeedServer({
      '/reset-once': (req, res) => {
        flakyCalls++;
        if (flakyCalls === 1) {
          res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '100000' });
          res.write(feed, () => setTimeout(() => req.socket.destroy(), 20));
        } else ok(req, res);
      },
    });
  });
  afterAll(() => server.close());

  const pollOne = async (path: string) => {
    const [report] = await pollSources({
      registry: registryOf([server.url(path)]),
      stateStore: new MemoryFeedStateStore(),
      sink,
      timeoutMs: 1_000,
      deadlineMs: 3_000,
      baseDelayMs: 10,
      maxRetries: 1,
    });
    return report;
  };

  it.each([
    ['a gzip body reset part-way', '/gzip-reset-mid-body', 'network'],
    ['a gzip body stalling part-way', '/gzip-stall-mid-body', 'timeout'],
    ['a plain body reset part-way', '/reset-mid-body', 'network'],
    ['a plain body stalling part-way', '/stall-mid-body', 'timeout'],
  ])(
    'records %s as %s',
    async (_name, path, kind) => {
      // Act
      const report = await pollOne(path);

      // Assert
      expect(report?.status).toBe('error');
      expect(report?.error?.kind).toBe(kind);
    },
    15_000,
  );

  it('retries a body reset part-way and stores the feed on the second attempt', async () => {
    // Act
    const report = await pollOne('/reset-once');

    // Assert
    expect(report?.status).toBe('items');
    expect(report?.items?.map((i) => i.title)).toEqual(['Whole at last']);
    expect(flakyCalls).toBe(2);
  });
});
