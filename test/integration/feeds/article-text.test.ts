// Article pages of teaser-only outlets: fetched for new items only, and never past the source's
// deadline, asserted from the feed server's request log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OutletRegistry, type OutletSource, parseOutlets } from '#shared/config/outlets.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import type { FeedItem, ItemSink } from '#shared/feeds/poll/ports.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { type FeedServer, startFeedServer } from '../../helpers/feed-server.ts';

/** Keeps items per source and tells which ones it has not stored yet, as the DynamoDB sink does. */
class MemorySink implements ItemSink {
  readonly stored = new Map<string, FeedItem[]>();
  async newItems(_outlet: unknown, source: OutletSource, items: FeedItem[]) {
    const known = new Set((this.stored.get(source.url) ?? []).map((i) => i.identity));
    return items.filter((i) => !known.has(i.identity));
  }
  async store(outlet: unknown, source: OutletSource, items: FeedItem[]) {
    const fresh = await this.newItems(outlet, source, items);
    this.stored.set(source.url, [...(this.stored.get(source.url) ?? []), ...fresh]);
    return { written: fresh.length };
  }
}

const listing = (links: string[]) =>
  `<!doctype html><html><body>${links
    .map((href, n) => `<article><a href="${href}"><h2>Headline ${n}</h2></a></article>`)
    .join('')}</body></html>`;
const page = (id: string) =>
  `<!doctype html><html><body><article><p>${`Azər Allahverənov spoke in article ${id}. `.repeat(10)}</p></article></body></html>`;

function teaserRegistry(url: string): OutletRegistry {
  return parseOutlets(
    {
      allowPrivateAddresses: ['127.0.0.0/8'],
      outlets: [
        {
          id: 'teaser',
          name: 'Teaser press',
          languages: ['az'],
          homepage: url,
          fetchArticleText: true,
          sources: [{ type: 'html', url, selectors: { item: 'article', link: 'a', title: 'h2' } }],
        },
      ],
    },
    'test registry',
  );
}

describe('article text of teaser-only listings', () => {
  let server: FeedServer;
  let links: string[] = [];

  beforeAll(async () => {
    server = await startFeedServer({
      // No validators: every poll is a full 200 answer, as many listing pages are.
      '/listing': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(listing(links)),
      '/articles/1': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('1')),
      '/articles/2': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('2')),
      '/articles/3': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page('3')),
    });
  });
  afterAll(() => server.close());

  const pathsBetween = (from: number, to?: number) => server.requests.slice(from, to).map((r) => r.path);

  it('fetches the pages of new items only, on the first poll and again when one is added', async () => {
    // Arrange
    const sink = new MemorySink();
    const input = {
      registry: teaserRegistry(server.url('/listing')),
      stateStore: new MemoryFeedStateStore(),
      sink,
    };
    links = ['/articles/1', '/articles/2'];

    // Act
    const start = server.requests.length;
    const [first] = await pollSources(input);
    const afterFirst = server.requests.length;
    const [second] = await pollSources(input);
    const afterSecond = server.requests.length;
    links = ['/articles/3', '/articles/1', '/articles/2'];
    const [third] = await pollSources(input);

    // Assert
    expect(pathsBetween(start, afterFirst).sort()).toEqual(['/articles/1', '/articles/2', '/listing']);
    expect(first?.items?.every((i) => i.text.includes('Allahverənov'))).toBe(true);
    expect(second?.status).toBe('items');
    expect(pathsBetween(afterFirst, afterSecond)).toEqual(['/listing']);
    expect(pathsBetween(afterSecond)).toEqual(['/listing', '/articles/3']);
    expect(third?.written).toBe(1);
  });

  it('gives up on an article page that stalls when the source deadline passes, keeping the items', async () => {
    // Arrange
    links = ['/stall', '/articles/1'];

    // Act
    const [report] = await pollSources({
      registry: teaserRegistry(server.url('/listing')),
      stateStore: new MemoryFeedStateStore(),
      sink: new MemorySink(),
      deadlineMs: 1_500,
    });

    // Assert
    expect(report?.status).toBe('items');
    expect(report?.items?.map((i) => i.title)).toEqual(['Headline 0', 'Headline 1']);
    expect(report?.items?.[1]?.text).toContain('Allahverənov');
  });
});
