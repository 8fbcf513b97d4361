// The private-address guard refuses loopback when the config does not allow it, redirects included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { type FeedServer, fixed, registryOf, startFeedServer } from '../../helpers/feed-server.ts';

const feed =
  '<rss version="2.0"><channel><title>t</title><item><title>x</title><link>https://a.example/1</link></item></channel></rss>';
const sink = { store: async () => ({ written: 0 }) };

describe('address guard', () => {
  let server: FeedServer;
  let target: FeedServer;

  beforeAll(async () => {
    target = await startFeedServer({ '/feed.xml': fixed(feed, 'application/rss+xml') });
    server = await startFeedServer({
      '/to-loopback': (_req, res) =>
        res.writeHead(302, { location: target.url('/feed.xml').replace('127.0.0.1', '127.0.0.2') }).end(),
    });
  });
  afterAll(async () => {
    await server.close();
    await target.close();
  });

  it('refuses 127.0.0.1 when private addresses are not allowed', async () => {
    const [report] = await pollSources({
      registry: registryOf([target.url('/feed.xml')], []),
      stateStore: new MemoryFeedStateStore(),
      sink,
    });

    expect(report?.error?.message).toMatch(/refused/);
    expect(target.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback', async () => {
    const url = target.url('/feed.xml').replace('127.0.0.1', 'localhost');

    const [report] = await pollSources({
      registry: registryOf([url], []),
      stateStore: new MemoryFeedStateStore(),
      sink,
    });

    expect(report?.error?.message).toMatch(/refused/);
  });

  it('refuses a redirect to an address outside the allowed range', async () => {
    const before = target.requests.length;

    const [report] = await pollSources({
      registry: registryOf([server.url('/to-loopback')], ['127.0.0.1/32']),
      stateStore: new MemoryFeedStateStore(),
      sink,
    });

    expect(report?.error).toEqual({
      kind: 'network',
      message: expect.stringMatching(/refused to connect to 127\.0\.0\.2/),
    });
    expect(target.requests.length).toBe(before);
  });

  it('fetches loopback once the range is allowed', async () => {
    const [report] = await pollSources({
      registry: registryOf([target.url('/feed.xml')], ['127.0.0.0/8']),
      stateStore: new MemoryFeedStateStore(),
      sink,
    });

    expect(report?.status).toBe('items');
  });
});
