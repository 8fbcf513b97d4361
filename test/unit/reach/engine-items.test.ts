import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { decodeBingLink, parseEngineItems, stripOutletSuffix } from '#shared/reach/engine-items.ts';
import { createAttributor, registrableDomain } from '#shared/reach/outlet-attribution.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/search/${name}`, import.meta.url), 'utf8');

describe('parseEngineItems: Google News RSS', () => {
  const items = parseEngineItems(
    fixture('google-news.xml'),
    'google-news',
    'https://news.google.com/rss/search',
  );

  it('takes the outlet from <source url> and drops " - Outlet" from the title only', () => {
    expect(items[0]).toMatchObject({
      title: 'Azər Allahverənov miqrasiya forumunda çıxış edib',
      outletName: 'Trend.Az',
      outletUrl: 'https://www.trend.az/',
      needsResolving: true,
    });
    // A title that itself contains " - " keeps it: only the outlet's own suffix goes.
    expect(items[2]?.title).toBe('Forum on labour migration held in Baku - A - B');
    expect(items[0]?.link).toMatch(/^https:\/\/news\.google\.com\/rss\/articles\//);
    expect(items[0]?.published?.toISOString()).toBe('2026-11-30T07:45:00.000Z');
  });

  it('keeps no snippet when the description only repeats the title and outlet', () => {
    expect(items[0]?.snippet).toBe('');
  });
});

describe('parseEngineItems: Bing News RSS', () => {
  const items = parseEngineItems(fixture('bing-news.xml'), 'bing-news', 'https://www.bing.com/news/search');

  it('decodes the article address from the click link', () => {
    expect(items[0]).toMatchObject({
      link: 'https://en.apa.az/social/azer-allahveranov-speaks-at-migration-forum-512345',
      outletName: 'APA',
      needsResolving: false,
    });
    expect(items[0]?.engineLink).toMatch(/^http:\/\/www\.bing\.com\/news\/apiclick\.aspx/);
    expect(items[0]?.snippet).toContain('regional hearings');
  });

  it('keeps the click link, to be resolved, when it carries no url parameter', () => {
    expect(items[2]).toMatchObject({ needsResolving: true });
    expect(items[2]?.link).toBe(items[2]?.engineLink);
  });
});

describe('decodeBingLink and stripOutletSuffix', () => {
  it.each([
    [
      'http://www.bing.com/news/apiclick.aspx?url=https%3a%2f%2freport.az%2fen%2fx%3futm_source%3dbing&c=1',
      'https://report.az/en/x',
    ],
    ['http://www.bing.com/news/apiclick.aspx?c=1', null],
    ['not a url', null],
  ])('%s → %s', (link, expected) => expect(decodeBingLink(link)).toBe(expected));

  it('leaves a title without the suffix alone', () => {
    expect(stripOutletSuffix('A title', 'APA')).toBe('A title');
  });
});

describe('attribution by registrable domain', () => {
  const registry = parseOutlets(
    {
      outlets: [
        {
          id: 'trend',
          name: 'Trend',
          languages: ['az', 'en'],
          homepage: 'https://trend.az',
          sources: [{ type: 'feed', url: 'https://trend.az/feeds/index.rss' }],
        },
        {
          id: 'day',
          name: 'Day.Az',
          languages: ['ru'],
          homepage: 'https://news.day.az',
          sources: [{ type: 'feed', url: 'https://news.day.az/rss' }],
        },
        {
          id: 'bbc',
          name: 'BBC',
          languages: ['en'],
          homepage: 'https://www.bbc.co.uk',
          sources: [{ type: 'feed', url: 'https://feeds.bbci.co.uk/news/rss.xml' }],
        },
      ],
    },
    'test',
  );
  const attributor = createAttributor(registry);

  it.each([
    ['https://en.trend.az/azerbaijan/society/1.html', 'trend'],
    ['https://www.trend.az/x', 'trend'],
    ['https://az.trend.az/x', 'trend'],
    ['https://day.az/ru/news/1', 'day'],
    ['https://www.bbc.co.uk/news/world-1', 'bbc'],
  ])('%s joins the registered outlet %s', (url, outletId) => {
    const attribution = attributor.attribute(url);
    expect(attribution?.kind).toBe('registered');
    expect(attribution?.kind === 'registered' && attribution.outlet.id).toBe(outletId);
  });

  it('gives an unregistered site its registrable domain, public suffixes included', () => {
    expect(attributor.attribute('https://news.example.com.az/a')).toEqual({
      kind: 'discovered',
      domain: 'example.com.az',
    });
    expect(attributor.attribute('https://m.caspiannews.com/x')).toEqual({
      kind: 'discovered',
      domain: 'caspiannews.com',
    });
  });

  it('has no domain for addresses without one', () => {
    expect(registrableDomain('http://127.0.0.1:8080/x')).toBeUndefined();
    expect(attributor.attribute(null)).toBeUndefined();
  });
});
