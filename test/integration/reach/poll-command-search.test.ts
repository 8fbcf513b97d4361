// `tracker poll --dry-run --json` with a `searches` section: one line per query, shaped
// {url, search, query, items}, each item naming the outlet it is attributed to and the members
// the matcher confirmed; feed items carry the same two fields.
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPollCommand } from '../../../cli/commands/poll-command.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/search/${name}`, import.meta.url), 'utf8');

let server: FeedServer;
let folder: string;

beforeAll(async () => {
  server = await startFeedServer({
    '/bing/news/search': fixed(fixture('bing-news.xml'), 'application/rss+xml'),
    '/feed': fixed(
      '<rss version="2.0"><channel><title>t</title><item><title>Azər Allahverənov çıxış edib</title><link>https://apa.az/a/1</link></item></channel></rss>',
      'application/rss+xml',
    ),
  });
  folder = await mkdtemp(join(tmpdir(), 'poll-search-'));
  await writeFile(
    join(folder, 'outlets.json'),
    JSON.stringify({
      allowPrivateAddresses: ['127.0.0.0/8'],
      outlets: [
        {
          id: 'apa',
          name: 'APA',
          languages: ['az'],
          homepage: 'https://apa.az',
          sources: [{ type: 'feed', url: server.url('/feed'), language: 'az' }],
        },
      ],
      searches: [
        {
          id: 'bing-en',
          engine: 'bing-news',
          url: `${server.url('/bing/news/search')}?q={query}&format=rss`,
          language: 'en',
          // Its links name public hosts, which a test never contacts.
          resolveLinks: false,
        },
      ],
    }),
  );
  await writeFile(
    join(folder, 'roster.json'),
    JSON.stringify({
      people: [
        {
          id: 'azer-allahveranov',
          names: { en: 'Azer Allahveranov', az: 'Azər Allahverənov' },
          surnameAlone: true,
        },
      ],
      organisations: [],
    }),
  );
});
afterAll(() => server.close());

describe('tracker poll --dry-run --json with searches', () => {
  it('prints each query with its items attributed by registrable domain', async () => {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk) => {
      text += chunk;
    });
    const argv = ['--outlets', join(folder, 'outlets.json'), '--roster', join(folder, 'roster.json')];
    const code = await runPollCommand(
      [...argv, '--once', '--dry-run', '--json', '--fresh', '--state', join(folder, 's.json')],
      {
        openStorage: async () => {
          throw new Error('no storage in a dry run');
        },
        stdout,
        stderr: new PassThrough(),
      },
    );
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));

    expect(code).toBe(0);
    expect(lines[0].items[0]).toMatchObject({ outlet: 'apa.az', members: ['azer-allahveranov'] });
    const search = lines[1];
    expect(Object.keys(search)).toEqual(['url', 'search', 'query', 'items']);
    expect(search).toMatchObject({
      url: `${server.url('/bing/news/search')}?q=%22Azer%20Allahveranov%22&format=rss`,
      search: 'bing-en',
      query: '"Azer Allahveranov"',
    });
    expect(search.items.map((i: { outlet: string; members: string[] }) => [i.outlet, i.members])).toEqual([
      ['apa.az', ['azer-allahveranov']],
      ['caspiannews.com', []],
    ]);
    expect(search.items[0].link).toBe(
      'https://en.apa.az/social/azer-allahveranov-speaks-at-migration-forum-512345',
    );
  });
});
