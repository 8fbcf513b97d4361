// Table-driven: each fixture file through the same path a fetched body takes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OutletSource } from '#shared/config/outlets.ts';
import { normaliseItems } from '#shared/feeds/items/item-normaliser.ts';
import { parseBody } from '#shared/feeds/parse/body-parser.ts';
import { decodeBody } from '#shared/feeds/parse/charset-decoder.ts';
import { feedSource as feed, listingSource as listing } from '../../helpers/feed-sources.ts';

const textListing = {
  ...feed,
  type: 'html',
  selectors: { item: 'li.n', link: 'a', title: 'a', date: '.d' },
} as OutletSource;

async function parse(name: string, source: OutletSource = feed) {
  const { text } = decodeBody(readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url)));
  const raw = await parseBody(text, source, {
    finalUrl: 'https://x.example/feed/list',
    timeZone: source.timeZone,
  });
  return normaliseItems(raw, { now: new Date('2024-03-06T00:00:00Z') }).map(
    ({ storyKey: _key, ...rest }) => rest,
  );
}

describe('feed parsers', () => {
  it('reads RSS 2.0 with CDATA, entities, relative links and localized dates', async () => {
    expect(await parse('rss2-cdata-entities.xml')).toEqual([
      {
        identity: 'news-1001',
        title: 'Azər Allahverənov: miqrantların hüquqları & vəzifələri',
        link: 'https://agency.example/az/news/1001?id=7',
        text: 'Dövlət Miqrasiya Xidməti yanında İctimai Şuranın sədri Azər Allahverənov çıxış edib.',
        published: '2024-03-05T10:30:00.000Z',
      },
      {
        identity: 'news-1002',
        title: 'Tom & Jerry escaped title',
        link: 'https://agency.example/az/news/1002',
        text: 'Plain teaser text',
        published: '2024-03-05T11:00:00.000Z',
      },
    ]);
  });

  it('repairs RSS 0.91 with a public DTD, HTML entities, a bare & and control characters', async () => {
    const [only] = await parse('rss091-public-dtd.xml');

    expect(only).toMatchObject({
      title: 'Council meets «migrants» © 2024',
      text: 'Bare & ampersand and a control char here.',
    });
  });

  it('reads RDF with rdf:about as guid and dc:date', async () => {
    expect((await parse('rdf.xml')).map((i) => [i.identity, i.published])).toEqual([
      ['https://rdf.example/a/1', '2024-03-05T05:00:00.000Z'],
      ['https://rdf.example/a/2', '2024-03-05T10:00:00.000Z'],
    ]);
  });

  it('reads Atom with xml:base, alternate links, typed titles and one bad date', async () => {
    const items = await parse('atom.xml');

    expect(items.map((i) => [i.title, i.link, i.published])).toEqual([
      ['Sahib Məmmədov on migration', 'https://atom.example/blog/posts/1', '2024-03-05T06:00:00.000Z'],
      ['Entity & markup', 'https://atom.example/other/posts/2', null],
      ['Text title &amp; literal', null, '2024-03-05T11:00:00.000Z'],
    ]);
    expect(items[1]?.dateFlag).toBe('impossible');
  });

  it('reads JSON Feed without decoding titles again', async () => {
    expect((await parse('feed.json')).map((i) => [i.identity, i.title, i.link, i.published])).toEqual([
      ['j1', 'Tom &amp; Jerry', 'https://json.example/a/1', '2024-03-05T07:15:00.000Z'],
      ['2', 'Second', 'https://x.example/a/2', null],
    ]);
  });

  it('reads an HTML listing with <base>, datetime attributes and Unix seconds', async () => {
    expect((await parse('listing.html', listing)).map((i) => [i.title, i.link, i.published])).toEqual([
      [
        'İctimai Şura toplantı keçirib',
        'https://x.example/news/az/2024/03/council-meeting',
        '2024-03-05T10:30:00.000Z',
      ],
      ['Second & story', 'https://listing.example/news/az/2024/03/second', '2024-03-05T10:30:00.000Z'],
    ]);
  });

  it('reads an HTML listing with Russian and dotted text dates in the source zone', async () => {
    expect((await parse('listing-text-dates.html', textListing)).map((i) => i.published)).toEqual([
      '2024-03-05T06:15:00.000Z',
      '2024-03-05T07:20:00.000Z',
    ]);
  });

  it('flags missing, placeholder, epoch and future dates', async () => {
    expect((await parse('dates.xml')).map((i) => i.dateFlag ?? i.published)).toEqual([
      'missing',
      'impossible',
      'impossible',
      'impossible',
      '2024-03-05T11:30:00.000Z',
      '2024-03-05T10:30:00.000Z',
    ]);
  });

  it.each([
    ['billion-laughs.xml', 'unparseable'],
    ['external-entity.xml', 'unparseable'],
    ['error-page.html', 'unparseable'],
  ])('refuses %s as %s', async (name, kind) => {
    await expect(parse(name)).rejects.toMatchObject({ kind });
  });
});

describe('challenge pages', () => {
  it('records a bot challenge served with 200 as blocked, not as a broken feed', async () => {
    const page =
      '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>/cdn-cgi/challenge-platform/h/b</body></html>';

    await expect(
      parseBody(page, feed, { finalUrl: 'https://x.example/rss', timeZone: 'UTC' }),
    ).rejects.toMatchObject({ kind: 'blocked' });
  });
});
