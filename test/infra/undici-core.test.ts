// The functions' bundles alias `undici` to infra/bundling/undici-core.cjs. The fetcher bundled
// that way must behave as it does on the package itself: bodies and validators, 304s, redirects
// followed, timeouts and resets classified, and private addresses refused.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '#shared/feeds/fetch/http-client.ts';
import { fetchSource } from '#shared/feeds/fetch/http-fetcher.ts';
import { type FeedServer, fixed, startFeedServer } from '../helpers/feed-server.ts';

type Fetcher = { fetchSource: typeof fetchSource; createHttpClient: typeof createHttpClient };
const root = fileURLToPath(new URL('../..', import.meta.url));

async function bundledFetcher(folder: string): Promise<Fetcher> {
  const outfile = join(folder, 'fetcher.mjs');
  const result = await build({
    stdin: {
      contents:
        "export { fetchSource } from '#shared/feeds/fetch/http-fetcher.ts';\n" +
        "export { createHttpClient } from '#shared/feeds/fetch/http-client.ts';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    metafile: true,
    alias: { undici: join(root, 'infra/bundling/undici-core.cjs') },
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  // The point of the alias: undici's fetch and WebSocket stay out of the bundle.
  expect(inputs.some((path) => path.includes('undici/lib/web/fetch/index.js'))).toBe(false);
  expect(inputs.some((path) => path.includes('undici/lib/web/websocket/'))).toBe(false);
  expect(inputs.some((path) => path.includes('undici/lib/dispatcher/agent.js'))).toBe(true);
  return (await import(pathToFileURL(outfile).href)) as Fetcher;
}

describe('the fetcher bundled with the undici alias', () => {
  let server: FeedServer;
  let folder: string;
  let bundled: Fetcher;
  const feed = '<rss version="2.0"><channel><title>t</title></channel></rss>';

  beforeAll(async () => {
    server = await startFeedServer({
      '/rss': fixed(feed, 'application/rss+xml'),
      '/moved': (_req, res) => res.writeHead(301, { location: '/rss?from=moved' }).end(),
    });
    folder = await mkdtemp(join(tmpdir(), 'undici-core-'));
    bundled = await bundledFetcher(folder);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  /** The outcome of one fetch through either build: its result, or its error's kind and message. */
  async function outcome(fetcher: Fetcher, path: string, extra: { etag?: string; allow?: boolean } = {}) {
    const agent = fetcher.createHttpClient({
      allowPrivateAddresses: extra.allow === false ? [] : ['127.0.0.0/8'],
    });
    try {
      const result = await fetcher.fetchSource({
        url: server.url(path),
        agent,
        userAgent: 'test',
        timeoutMs: 2_000,
        ...(extra.etag ? { etag: extra.etag } : {}),
      });
      if (result.status !== 'ok') return result;
      const { chunks, ...rest } = result;
      return { ...rest, body: Buffer.concat(chunks).toString('utf8') };
    } catch (error) {
      return { kind: (error as { kind?: string }).kind, message: (error as Error).message };
    } finally {
      await agent.close();
    }
  }

  it.each([
    ['/rss', {}],
    ['/moved', {}],
    ['/status-404', {}],
    ['/reset', {}],
    ['/stall', {}],
    ['/rss', { allow: false }],
  ])('answers %s %j as the package does', async (path, extra) => {
    const viaPackage = await outcome({ fetchSource, createHttpClient }, path, extra);
    const viaAlias = await outcome(bundled, path, extra);

    expect(viaAlias).toEqual(viaPackage);
  });

  it('sends the stored validator and reads a 304 as unchanged', async () => {
    const first = await outcome(bundled, '/rss');
    const etag = (first as { etag?: string }).etag;
    expect((first as { body?: string }).body).toBe(feed);
    expect(etag).toBeDefined();

    expect(await outcome(bundled, '/rss', { etag: etag as string })).toEqual({
      status: 'unchanged',
      finalUrl: server.url('/rss'),
    });
  });
});
