// `tracker poll --dry-run --json` through runPollCommand: one JSON line per source, validators kept
// in the state file so a second dry run is conditional, and no storage opened.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPollCommand } from '../../../cli/commands/poll-command.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

const feed =
  '<rss version="2.0"><channel><title>t</title><link>https://press.example/</link>' +
  '<item><title>A &amp;amp; B</title><link>/a?utm_source=x</link><guid>a-1</guid><pubDate>Tue, 05 Mar 2024 14:30:00 +0400</pubDate></item>' +
  '<item><title>No date</title><link>/b</link></item></channel></rss>';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c) => {
    text += c;
  });
  return { stream, text: () => text };
}

async function run(argv: string[]) {
  const stdout = capture();
  const stderr = capture();
  let opened = false;
  const code = await runPollCommand(argv, {
    openStorage: async () => {
      opened = true;
      throw new Error('no storage in this test');
    },
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return {
    code,
    lines: stdout
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
    stderr: stderr.text(),
    opened,
  };
}

describe('tracker poll --dry-run --json', () => {
  let server: FeedServer;
  let outlets: string;
  let state: string;

  beforeAll(async () => {
    server = await startFeedServer({ '/rss': fixed(feed, 'application/rss+xml') });
    const folder = await mkdtemp(join(tmpdir(), 'poll-cmd-'));
    outlets = join(folder, 'outlets.json');
    state = join(folder, 'poll-state.json');
    const registry = {
      allowPrivateAddresses: ['127.0.0.0/8'],
      outlets: [
        {
          id: 'press',
          name: 'Press',
          languages: ['az'],
          homepage: 'https://press.example',
          sources: [
            { type: 'feed', url: server.url('/rss') },
            { type: 'feed', url: server.url('/status-404') },
          ],
        },
      ],
    };
    await writeFile(outlets, JSON.stringify(registry));
  });
  afterAll(() => server.close());

  it('prints one JSON line per source with items as they would be stored', async () => {
    const { code, lines, opened } = await run([
      '--outlets',
      outlets,
      '--once',
      '--dry-run',
      '--json',
      '--state',
      state,
      '--fresh',
    ]);

    expect(code).toBe(0);
    expect(opened).toBe(false);
    expect(lines).toEqual([
      {
        url: server.url('/rss'),
        items: [
          {
            title: 'A & B',
            link: 'https://press.example/a',
            guid: 'a-1',
            published: '2024-03-05T10:30:00.000Z',
            outlet: 'press.example',
            members: [],
          },
          {
            title: 'No date',
            link: 'https://press.example/b',
            guid: 'https://press.example/b',
            published: null,
            outlet: 'press.example',
            members: [],
          },
        ],
      },
      { url: server.url('/status-404'), error: { kind: 'http-status', message: 'HTTP 404' } },
    ]);
  });

  it('sends conditional requests on the next dry run and prints unchanged', async () => {
    await run(['--outlets', outlets, '--once', '--dry-run', '--json', '--state', state, '--fresh']);
    const before = server.requests.length;

    const { lines } = await run(['--outlets', outlets, '--once', '--dry-run', '--json', '--state', state]);

    expect(lines[0]).toEqual({ url: server.url('/rss'), unchanged: true, items: [] });
    expect(
      server.requests.slice(before).find((r) => r.path === '/rss')?.headers['if-none-match'],
    ).toBeDefined();
  });

  it('prints a disabled source as listed but not polled, and never fetches it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'poll-cmd-'));
    const file = join(folder, 'outlets.json');
    await writeFile(
      file,
      JSON.stringify({
        allowPrivateAddresses: ['127.0.0.0/8'],
        outlets: [
          {
            id: 'guessed',
            name: 'Guessed',
            languages: ['az'],
            homepage: 'https://guessed.example',
            sources: [
              { type: 'feed', url: server.url('/rss') },
              { type: 'feed', url: server.url('/guessed-rss'), enabled: false, verified: 'a guess' },
            ],
          },
          { id: 'homepage-only', name: 'Homepage only', languages: ['az'], homepage: 'https://only.example' },
        ],
      }),
    );

    const { lines } = await run([
      '--outlets',
      file,
      '--once',
      '--dry-run',
      '--json',
      '--state',
      join(folder, 's.json'),
    ]);

    expect(lines.map((l) => l.url)).toEqual([server.url('/rss'), server.url('/guessed-rss')]);
    expect(lines[1]).toEqual({ url: server.url('/guessed-rss'), disabled: true });
    expect(server.requests.some((r) => r.path === '/guessed-rss')).toBe(false);
  });

  it('reports plainly when storage cannot be opened', async () => {
    const stderr = capture();
    const code = await runPollCommand(['--outlets', outlets, '--once'], {
      openStorage: async () => {
        throw new Error('no DynamoDB reachable at http://localhost:8000');
      },
      stdout: new PassThrough(),
      stderr: stderr.stream,
    });

    expect(code).toBe(1);
    expect(stderr.text()).toContain('no DynamoDB reachable');
  });

  it('names the field of an invalid registry', async () => {
    const bad = join(await mkdtemp(join(tmpdir(), 'poll-cmd-')), 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({ outlets: [{ id: 'x', name: 'X', languages: ['az'], homepage: 'nope', sources: [] }] }),
    );
    const stderr = capture();

    const code = await runPollCommand(['--outlets', bad, '--dry-run'], {
      openStorage: async () => {
        throw new Error();
      },
      stdout: new PassThrough(),
      stderr: stderr.stream,
    });

    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/bad\.json: outlets\[0\]\.homepage: must be an absolute http\(s\) URL/);
  });
});
