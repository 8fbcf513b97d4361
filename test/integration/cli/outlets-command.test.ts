// `tracker outlets check` and `tracker outlets discover` run through the tracker entry point against
// real HTTP servers on 127.0.0.1: data on stdout, progress on stderr, every fetch guarded.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

/** Runs `tracker <args>` as an operator would and collects its output. */
function tracker(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'cli/tracker.ts', ...args],
      { env: { ...process.env, OUTLETS_FILE: '' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

const rss = (language: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Xəbər lenti</title><language>${language}</language>` +
  '<item><title>Old</title><link>https://press.example/old</link><pubDate>Tue, 05 Mar 2024 10:00:00 +0000</pubDate></item>' +
  '<item><title>New</title><link>https://press.example/new</link><pubDate>Wed, 06 Mar 2024 10:00:00 +0000</pubDate></item>' +
  '</channel></rss>';
const atom =
  '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru"><title>Лента</title><id>urn:x</id>' +
  '<updated>2024-03-06T10:00:00Z</updated><entry><title>Новость</title><id>urn:x:1</id>' +
  '<link href="https://press.example/ru/1"/><updated>2024-03-06T10:00:00Z</updated></entry></feed>';
const jsonFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'News in English',
  language: 'en-GB',
  items: [
    { id: '1', url: 'https://press.example/en/1', title: 'One', date_published: '2024-03-06T10:00:00Z' },
  ],
});
const html = (head: string) =>
  `<!doctype html><html lang="az"><head><title>Site</title>${head}</head><body><p>news</p></body></html>`;

describe('tracker outlets check', () => {
  let server: FeedServer;
  let outlets: string;

  beforeAll(async () => {
    server = await startFeedServer({
      '/rss': fixed(rss('az'), 'application/rss+xml'),
      // Validators on every answer, yet never a 304.
      '/ignores': (_req, res) =>
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v"' }).end(rss('az')),
      '/plain': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('az')),
      '/moved': (_req, res) => res.writeHead(301, { location: '/rss' }).end(),
      '/guess': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html('')),
    });
    outlets = join(await mkdtemp(join(tmpdir(), 'outlets-check-')), 'outlets.json');
    const source = (path: string, extra = {}) => ({ type: 'feed', url: server.url(path), ...extra });
    await writeFile(
      outlets,
      JSON.stringify({
        allowPrivateAddresses: ['127.0.0.0/8'],
        outlets: [
          {
            id: 'press',
            name: 'Press',
            languages: ['az'],
            homepage: 'https://press.example',
            sources: [
              source('/rss'),
              source('/ignores'),
              source('/plain'),
              source('/moved'),
              source('/status-404'),
            ],
          },
          {
            id: 'guessed',
            name: 'Guessed',
            languages: ['az'],
            homepage: 'https://guessed.example',
            sources: [source('/guess', { enabled: false, verified: 'a guess' })],
          },
          { id: 'homepage-only', name: 'Homepage only', languages: ['az'], homepage: 'https://only.example' },
        ],
      }),
    );
  });
  afterAll(() => server.close());

  it('prints one JSON line per source: result, items, newest item, conditional GET and final URL', async () => {
    const { code, stdout, stderr } = await tracker(['outlets', 'check', '--outlets', outlets, '--json']);

    expect(code).toBe(0);
    const rows = jsonLines(stdout);
    const row = (path: string) => rows.find((r) => r.source === server.url(path));
    expect(rows).toHaveLength(6);
    expect(row('/rss')).toEqual({
      outlet: 'press',
      source: server.url('/rss'),
      enabled: true,
      result: 'ok',
      items: 2,
      newest: '2024-03-06T10:00:00.000Z',
      conditionalGet: 'yes',
    });
    expect(row('/ignores')).toMatchObject({ result: 'ok', conditionalGet: 'ignored' });
    expect(row('/plain')).toMatchObject({ result: 'ok', conditionalGet: 'no' });
    expect(row('/moved')).toMatchObject({ result: 'ok', items: 2, finalUrl: server.url('/rss') });
    expect(row('/status-404')).toMatchObject({ result: 'http-status', error: 'HTTP 404', items: 0 });
    // A disabled source is checked too, which is how a guessed address gets confirmed or refuted.
    expect(row('/guess')).toMatchObject({ outlet: 'guessed', enabled: false, result: 'unparseable' });
    expect(stderr).toContain('[6/6]');
    expect(stderr).toContain('checked 6 sources: 4 answered, 2 did not');
  });

  it('prints a table for people, limited to the outlets asked for', async () => {
    const { code, stdout } = await tracker(['outlets', 'check', '--outlets', outlets, '--outlet', 'guessed']);

    expect(code).toBe(0);
    const [header, ...lines] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^outlet\s+source\s+result\s+items\s+newest\s+cond-get\s+final url$/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^guessed\\s+${server.url('/guess')} \\(disabled\\)\\s+unparseable\\s+0\\s+-\\s+unknown`),
    );
  });

  it('starts from the validators of earlier dry runs with --state, and reads without writing them', async () => {
    const state = join(await mkdtemp(join(tmpdir(), 'outlets-state-')), 'poll-state.json');
    await tracker(['poll', '--outlets', outlets, '--once', '--dry-run', '--json', '--state', state]);
    const saved = await readFile(state, 'utf8');

    const { stdout } = await tracker(['outlets', 'check', '--outlets', outlets, '--state', state, '--json']);

    const rss = jsonLines(stdout).find((r) => r.source === server.url('/rss'));
    expect(rss).toMatchObject({ result: 'unchanged', items: 0, conditionalGet: 'yes' });
    expect(await readFile(state, 'utf8')).toBe(saved);
  });

  it('refuses an unknown outlet id and an unknown subcommand', async () => {
    expect((await tracker(['outlets', 'check', '--outlets', outlets, '--outlet', 'nope'])).code).toBe(2);
    const unknown = await tracker(['outlets', 'mend']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown subcommand 'outlets mend'");
  });
});

describe('tracker outlets discover', () => {
  let twoFeeds: FeedServer;
  let usualPath: FeedServer;
  let noFeed: FeedServer;

  beforeAll(async () => {
    twoFeeds = await startFeedServer({
      '/': fixed(
        html(
          '<link rel="alternate" type="application/rss+xml" title="AZ" href="/az/rss">' +
            '<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="ru/atom.xml">' +
            '<link rel="alternate" hreflang="en" href="/en/">' +
            '<link rel="alternate" type="application/rss+xml" href="/not-a-feed">',
        ),
        'text/html',
      ),
      '/az/rss': fixed(rss('az-AZ'), 'application/rss+xml'),
      '/ru/atom.xml': fixed(atom, 'application/atom+xml'),
      '/not-a-feed': fixed(html(''), 'text/html'),
    });
    usualPath = await startFeedServer({
      '/': fixed(html(''), 'text/html'),
      '/feed.json': fixed(jsonFeed, 'application/feed+json'),
      // Two usual paths lead to the same feed: one entry, under the address after the redirect.
      '/rss': (_req, res) => res.writeHead(301, { location: '/feed.json' }).end(),
    });
    noFeed = await startFeedServer({ '/': fixed(html(''), 'text/html') });
  });
  afterAll(async () => {
    await Promise.all([twoFeeds.close(), usualPath.close(), noFeed.close()]);
  });

  it('prints ready-to-paste entries: advertised feeds, a feed at a usual path, and none at all', async () => {
    const sites = [twoFeeds.url('/'), usualPath.url('/'), noFeed.url('/')];
    const { code, stdout, stderr } = await tracker([
      'outlets',
      'discover',
      ...sites,
      '--allow-private',
      '127.0.0.1',
    ]);

    expect(code).toBe(0);
    const entries = JSON.parse(`[${stdout}]`);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      id: '127-0-0-1',
      name: 'Site',
      languages: ['az', 'ru'],
      homepage: twoFeeds.origin,
      sources: [
        { type: 'feed', url: twoFeeds.url('/az/rss'), language: 'az' },
        { type: 'feed', url: twoFeeds.url('/ru/atom.xml'), language: 'ru' },
      ],
    });
    expect(entries[0].sources[0].verified).toMatch(
      /advertised by the homepage .* parsed as a feed \(2 items\)/,
    );
    // Advertised feeds exist, so the usual paths are never tried.
    expect(twoFeeds.requests.map((r) => r.path)).not.toContain('/rss');
    expect(stderr).toMatch(/advertised .*\/not-a-feed rejected: unparseable/);

    expect(entries[1]).toMatchObject({
      languages: ['en'],
      sources: [{ type: 'feed', url: usualPath.url('/feed.json'), language: 'en' }],
    });
    expect(entries[1].sources).toHaveLength(1);
    expect(entries[1].sources[0].verified).toMatch(/found at a usual path, not advertised/);
    expect(entries[1].sources[0].verified).toContain(
      `tried as ${usualPath.url('/rss')}, which redirects here`,
    );

    expect(entries[2]).toMatchObject({ languages: ['az'], sources: [] });
    expect(entries[2].verified).toMatch(
      /no feed advertised or at the usual paths.*languages read from the page/,
    );
  });

  it('gives machines one JSON line per homepage, and the entries load as a registry', async () => {
    const { stdout } = await tracker([
      'outlets',
      'discover',
      twoFeeds.url('/'),
      '--allow-private',
      '127.0.0.0/8',
      '--json',
    ]);
    const [line] = jsonLines(stdout);

    expect(line.candidates.map((c: { ok: boolean }) => c.ok)).toEqual([true, true, false]);
    const registry = join(await mkdtemp(join(tmpdir(), 'outlets-discover-')), 'outlets.json');
    await writeFile(
      registry,
      JSON.stringify({ allowPrivateAddresses: ['127.0.0.0/8'], outlets: [line.entry] }),
    );
    const check = await tracker(['outlets', 'check', '--outlets', registry, '--json']);
    expect(jsonLines(check.stdout).map((r) => r.result)).toEqual(['ok', 'ok']);
  });

  it('refuses loopback unless --allow-private names it', async () => {
    const before = twoFeeds.requests.length;
    const { code, stdout, stderr } = await tracker(['outlets', 'discover', twoFeeds.url('/')]);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot fetch the homepage: .*refused to connect to 127\.0\.0\.1.*loopback/);
    expect(twoFeeds.requests.length).toBe(before);
  });

  it('rejects a homepage that is not an http(s) URL', async () => {
    const { code, stderr } = await tracker(['outlets', 'discover', 'file:///etc/passwd']);
    expect(code).toBe(2);
    expect(stderr).toContain('is not an absolute http(s) URL');
  });
});
