// Many sources on one origin, one of them hanging: the per-source deadline covers a source's own
// requests, not its wait for one of the origin's two slots, so every other source is fetched and
// reported as what it is; sources the run could not reach are "not polled" and go first next run.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OutletRegistry, parseOutlets } from '#shared/config/outlets.ts';
import { pollSources, type SourceReport } from '#shared/feeds/poll/poll-sources.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';

const rss = (name: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://one.example/</link>` +
  `<item><title>${name} story</title><link>https://one.example/${name}</link></item></channel></rss>`;
const teasers = (origin: string) =>
  `<rss version="2.0"><channel><title>t</title><link>${origin}/</link>` +
  '<item><title>Teaser</title><link>/article/1</link><description>Short.</description></item></channel></rss>';
const article =
  '<html><body><article><p>Azər Allahverənov İctimai Şuranın iclasında çıxış edərək miqrantların hüquqlarından danışdı və yeni layihələri təqdim etdi. Tədbirdə Dövlət Miqrasiya Xidmətinin əməkdaşları da iştirak edirdi.</p></article></body></html>';

/** One origin serving every outcome, each answer after `delayMs`, and routes that never answer. */
async function startOrigin(delayMs: number) {
  const seen: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    seen.push(path);
    if (path.startsWith('/hang')) return; // holds its slot until the client gives up
    setTimeout(() => {
      if (path === '/redirect') res.writeHead(301, { location: '/moved' }).end();
      else if (path === '/moved')
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('moved'));
      else if (path === '/gzip')
        res
          .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' })
          .end(gzipSync(rss('gzip')));
      else if (path === '/empty') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end();
      else if (path === '/status-500') res.writeHead(500).end('boom');
      else if (path === '/teasers')
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(teasers(origin));
      else if (path === '/article/1') res.writeHead(200, { 'content-type': 'text/html' }).end(article);
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(path.slice(1)));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function registryOf(origin: string, paths: string[], articlePaths: string[] = []): OutletRegistry {
  const outlet = (id: string, list: string[], fetchArticleText: boolean) => ({
    id,
    name: id,
    languages: ['az'],
    homepage: origin,
    fetchArticleText,
    sources: list.map((p) => ({ type: 'feed', url: `${origin}${p}` })),
  });
  return parseOutlets(
    {
      allowPrivateAddresses: ['127.0.0.0/8'],
      outlets: [
        outlet('one', paths, false),
        ...(articlePaths.length ? [outlet('teasing', articlePaths, true)] : []),
      ],
    },
    'test registry',
  );
}

const byPath = (reports: SourceReport[], origin: string) =>
  new Map(reports.map((r) => [r.url.slice(origin.length), r]));

describe('sources sharing one origin with a hanging neighbour', () => {
  let server: Awaited<ReturnType<typeof startOrigin>>;
  beforeAll(async () => {
    server = await startOrigin(60);
  });
  afterAll(() => server.close());

  it('fetches every other source and reports its real outcome', async () => {
    // Arrange: the hanging source comes first and holds one of the two slots for its whole
    // deadline; 24 plain feeds at 60 ms each keep the other slot busy for longer than that deadline.
    const plain = Array.from({ length: 24 }, (_, i) => `/feed-${i}`);
    const special = ['/redirect', '/gzip', '/empty', '/status-500'];
    const registry = registryOf(server.origin, ['/hang', ...plain, ...special], ['/teasers']);
    const stateStore = new MemoryFeedStateStore();

    // Act
    const reports = await pollSources({
      registry,
      stateStore,
      sink: { store: async (_o, _s, items) => ({ written: items.length }) },
      deadlineMs: 1_000,
      timeoutMs: 800,
      maxRetries: 1,
      baseDelayMs: 20,
    });

    // Assert
    const r = byPath(reports, server.origin);
    expect(r.get('/hang')?.error?.kind).toBe('timeout');
    for (const path of plain) expect(r.get(path)?.status, path).toBe('items');
    expect(r.get('/redirect')?.items?.map((i) => i.title)).toEqual(['moved story']);
    expect(r.get('/gzip')?.items?.map((i) => i.title)).toEqual(['gzip story']);
    expect(r.get('/empty')?.error).toEqual({
      kind: 'unparseable',
      message: 'the body is not RSS, Atom, RDF or JSON Feed',
    });
    expect(r.get('/status-500')?.error).toEqual({ kind: 'http-status', message: 'HTTP 500' });
    // The article page shares the origin too, and is fetched, not timed out in line.
    expect(r.get('/teasers')?.items?.[0]?.text).toContain('Allahverənov');
    for (const path of [...plain, ...special, '/moved', '/teasers', '/article/1']) {
      expect(server.seen, path).toContain(path);
    }
    // Only the hanging source counts a failure besides the two that really failed.
    const failing = [...stateStore.states.values()].filter((s) => s.consecutiveFailures > 0);
    expect(failing.map((s) => s.url.slice(server.origin.length)).sort()).toEqual([
      '/empty',
      '/hang',
      '/status-500',
    ]);
  });

  it('reports sources the run could not reach as not polled, and polls them first next run', async () => {
    // Arrange: two hanging sources hold both slots past the run's end.
    const registry = registryOf(server.origin, ['/hang-a', '/hang-b', '/late-1', '/late-2']);
    const stateStore = new MemoryFeedStateStore();
    const options = {
      registry,
      stateStore,
      sink: { store: async () => ({ written: 0 }) },
      deadlineMs: 1_200,
      timeoutMs: 1_200,
      maxRetries: 0,
    };

    // Act
    const first = byPath(await pollSources({ ...options, runDeadlineMs: 400 }), server.origin);
    const before = server.seen.length;
    const second = byPath(await pollSources({ ...options, runDeadlineMs: 5_000 }), server.origin);

    // Assert
    expect(first.get('/late-1')).toMatchObject({ status: 'not-polled', items: [] });
    expect(first.get('/late-2')).toMatchObject({ status: 'not-polled', items: [] });
    expect(first.get('/hang-a')?.error?.kind).toBe('timeout');
    const late = [...stateStore.states.values()].find((s) => s.url.endsWith('/late-1'));
    expect(late?.lastError).toBeUndefined();
    expect(second.get('/late-1')?.status).toBe('items');
    // Next run, the two that waited in vain are the first requests the origin sees.
    expect(server.seen.slice(before, before + 2).sort()).toEqual(['/late-1', '/late-2']);
    expect(late?.consecutiveFailures ?? 0).toBe(0);
    const after = [...stateStore.states.values()].find((s) => s.url.endsWith('/late-1'));
    expect(after?.notPolledAt).toBeUndefined();
  });
});
