// At most two requests at a time reach one origin, however many of its sources are polled at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { type FeedServer, registryOf, startFeedServer } from '../../helpers/feed-server.ts';

describe('per-origin limit', () => {
  let server: FeedServer;
  let inFlight = 0;
  let peak = 0;

  beforeAll(async () => {
    server = await startFeedServer({
      '/slow': (_req, res) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        setTimeout(() => {
          inFlight--;
          res
            .writeHead(200, { 'content-type': 'application/rss+xml' })
            .end('<rss version="2.0"><channel><title>t</title></channel></rss>');
        }, 30);
      },
    });
  });
  afterAll(() => server.close());

  it('never has more than two requests in flight to one origin', async () => {
    const urls = Array.from({ length: 10 }, (_, i) => `${server.url('/slow')}?feed=${i}`);

    const reports = await pollSources({
      registry: registryOf(urls),
      stateStore: new MemoryFeedStateStore(),
      sink: { store: async () => ({ written: 0 }) },
    });

    expect(reports.every((r) => r.status === 'items')).toBe(true);
    expect(peak).toBe(2);
  });
});
