// The pure parts of registry upkeep: which <link> elements advertise a feed, what language a feed
// declares, the id a homepage gets, and how the age of the newest item is shown.
import { describe, expect, it } from 'vitest';
import { ageOf } from '../../../cli/commands/outlets-check-command.ts';
import { advertisedFeeds } from '../../../cli/outlets/feed-discovery.ts';
import { primaryLanguage, readFeedMetadata } from '../../../cli/outlets/feed-metadata.ts';
import { outletIdOf } from '../../../cli/outlets/registry-entry.ts';

describe('advertisedFeeds', () => {
  it('takes rel=alternate links of feed types only, resolved against <base>, once each', () => {
    const html =
      '<html><head><base href="https://site.az/az/">' +
      '<link rel="alternate" type="application/rss+xml" href="rss">' +
      '<link rel="ALTERNATE home" type="Application/Atom+XML; charset=utf-8" href="/atom.xml">' +
      '<link rel="alternate" type="application/feed+json" href="https://site.az/feed.json">' +
      '<link rel="alternate" type="application/rss+xml" href="rss">' +
      '<link rel="alternate" hreflang="ru" href="/ru/">' +
      '<link rel="stylesheet" type="application/rss+xml" href="/style">' +
      '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">' +
      '</head></html>';

    expect(advertisedFeeds(html, 'https://www.site.az/')).toEqual([
      'https://site.az/az/rss',
      'https://site.az/atom.xml',
      'https://site.az/feed.json',
    ]);
  });

  it('finds nothing on a page that advertises no feed', () => {
    expect(advertisedFeeds('<html><head><title>x</title></head></html>', 'https://a.az/')).toEqual([]);
  });
});

describe('readFeedMetadata', () => {
  it.each([
    [
      '<rss version="2.0"><channel><title> Lent </title><language>az-AZ</language></channel></rss>',
      'Lent',
      'az',
    ],
    [
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title><dc:language>ru</dc:language></channel></rdf:RDF>',
      'R',
      'ru',
    ],
    ['<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US"><title>A</title></feed>', 'A', 'en'],
    ['{"version":"https://jsonfeed.org/version/1.1","title":"J","language":"tr","items":[]}', 'J', 'tr'],
  ])('reads the title and language a feed declares (%#)', (text, title, language) => {
    expect(readFeedMetadata(text)).toEqual({ title, language });
  });

  it('leaves the language out when the feed declares none or an odd one', () => {
    expect(readFeedMetadata('<rss><channel><title>T</title></channel></rss>')).toEqual({ title: 'T' });
    expect(primaryLanguage('azeri')).toBeUndefined();
    expect(primaryLanguage('ru_RU')).toBe('ru');
  });
});

describe('outletIdOf and ageOf', () => {
  it('names an outlet after its host', () => {
    expect(outletIdOf('https://www.axar.az/')).toBe('axar');
    expect(outletIdOf('https://oc-media.org')).toBe('oc-media-org');
    expect(outletIdOf('https://en.trend.az')).toBe('en-trend-az');
  });

  it('shows ages in minutes, hours or days', () => {
    const now = Date.parse('2024-03-06T12:00:00Z');
    expect(ageOf('2024-03-06T11:15:00Z', now)).toBe('45m');
    expect(ageOf('2024-03-06T02:00:00Z', now)).toBe('10h');
    expect(ageOf('2024-03-01T12:00:00Z', now)).toBe('5d');
    expect(ageOf(undefined, now)).toBe('-');
  });
});
