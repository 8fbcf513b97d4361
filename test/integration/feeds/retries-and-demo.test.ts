// Retries within the deadline, deferral on a long Retry-After, article text for teaser-only feeds,
// and the demo press simulator end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { startPressSimulator } from '../../../infra/local/press-simulator.ts';
import { type FeedServer, fixed, registryOf, startFeedServer } from '../../helpers/feed-server.ts';

const feed =
  '<rss version="2.0"><channel><title>t</title><item><title>Flaky but fine</title><link>https://a.example/1</link></item></channel></rss>';
const sink = { store: async (_o: unknown, _s: unknown, items: unknown[]) => ({ written: items.length }) };

describe('retries and deferral', () => {
  let server: FeedServer;
  let flakyCalls = 0;

  beforeAll(async () => {
    const ok = fixed(feed, 'application/rss+xml');
    server = await startFeedServer({
      '/flaky': (req, res) => {
        flakyCalls++;
        if (flakyCalls === 1) res.writeHead(503).end();
        else ok(req, res);
      },
    });
  });
  afterAll(() => server.close());

  it('retries a 503 and succeeds within the deadline', async () => {
    const [report] = await pollSources({
      registry: registryOf([server.url('/flaky')]),
      stateStore: new MemoryFeedStateStore(),
      sink,
      baseDelayMs: 10,
    });

    expect(report?.status).toBe('items');
    expect(flakyCalls).toBe(2);
  });

  it('defers a source whose Retry-After is longer than the deadline instead of waiting', async () => {
    const stateStore = new MemoryFeedStateStore();

    const [report] = await pollSources({
      registry: registryOf([server.url('/slow-down')]),
      stateStore,
      sink,
      deadlineMs: 5_000,
    });

    expect(report?.status).toBe('deferred');
    expect(Date.parse(report?.deferredUntil ?? '')).toBeGreaterThan(Date.now() + 3_000_000);
    expect([...stateStore.states.values()][0]?.deferredUntil).toBe(report?.deferredUntil);
  });
});

describe('the demo press simulator', () => {
  it('serves az, ru and en outlets whose articles mention the council, teaser feeds enriched from the page', async () => {
    const press = await startPressSimulator({ outlets: 9 });
    try {
      const reports = await pollSources({
        registry: parseOutlets(press.registry, 'demo'),
        stateStore: new MemoryFeedStateStore(),
        sink,
      });
      const texts = reports.flatMap((r) => r.items ?? []).map((i) => `${i.title} ${i.text}`);

      expect(reports.every((r) => r.status === 'items')).toBe(true);
      expect(texts.some((t) => t.includes('Allahverənov') || t.includes('Аллахверанов'))).toBe(true);
      const teaserOutlet = reports[6]?.items ?? [];
      expect(teaserOutlet.every((i) => i.text.length > 0)).toBe(true);
    } finally {
      await press.close();
    }
  });

  it('serves the same guids and dates for the same articles on any port, so a restart stores nothing twice', async () => {
    // Arrange: two simulators, as before and after a restart, on different ports.
    const first = await startPressSimulator({ outlets: 9 });
    const second = await startPressSimulator({ outlets: 9 });
    try {
      const poll = async (press: typeof first) =>
        (
          await pollSources({
            registry: parseOutlets(press.registry, 'demo'),
            stateStore: new MemoryFeedStateStore(),
            sink,
          })
        ).flatMap((r) =>
          (r.items ?? []).map((i) => [`${r.outletId} ${i.identity}`, `${i.published} ${i.title}`] as const),
        );

      // Act
      const before = new Map(await poll(first));
      const after = new Map(await poll(second));

      // Assert
      expect(first.urls[0]).not.toBe(second.urls[0]);
      // A new article may appear between the two polls; every other one must be the same.
      const common = [...after.keys()].filter((key) => before.has(key));
      expect(common.length).toBeGreaterThanOrEqual(after.size - 9);
      for (const key of common) expect(after.get(key), key).toBe(before.get(key));
      expect([...after.keys()].some((key) => key.includes('127.0.0.1'))).toBe(false);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
