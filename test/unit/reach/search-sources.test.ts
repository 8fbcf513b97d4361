import { describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { parseRoster } from '#shared/config/roster.ts';
import type { SourceState } from '#shared/feeds/poll/ports.ts';
import { createAttributor } from '#shared/reach/outlet-attribution.ts';
import { distinctOutletCount, outletNameKey } from '#shared/reach/outlet-identity.ts';
import { searchIsDue, searchTargets } from '#shared/reach/search-sources.ts';

const roster = parseRoster(
  {
    people: [
      {
        id: 'azer-allahveranov',
        names: { en: 'Azer Allahveranov', az: 'Azər Allahverənov', ru: 'Азер Аллахверанов' },
      },
      { id: 'only-en', names: { en: 'Only English' } },
    ],
    organisations: [{ id: 'council', names: { az: 'İctimai Şura', en: 'Public Council' } }],
  },
  'roster',
);
const registry = parseOutlets(
  {
    outlets: [
      {
        id: 'trend-az',
        name: 'Trend',
        languages: ['az'],
        homepage: 'https://trend.az',
        sources: [{ type: 'feed', url: 'https://trend.az/rss' }],
      },
      {
        id: 'trend-en',
        name: 'Trend EN',
        languages: ['en'],
        homepage: 'https://en.trend.az',
        sources: [{ type: 'feed', url: 'https://en.trend.az/rss' }],
      },
    ],
    searches: [
      {
        id: 'google-az',
        engine: 'google-news',
        url: 'https://news.google.com/rss/search?q={query}&hl=az&gl=AZ&ceid=AZ:az',
        language: 'az',
      },
      {
        id: 'off',
        engine: 'generic',
        url: 'https://search.example/?q={query}',
        language: 'en',
        enabled: false,
      },
    ],
  },
  'registry',
);

describe('searchTargets', () => {
  const targets = searchTargets(registry, roster);

  it('builds one query per person and organisation named in the language, name in quotes', () => {
    expect(targets.map((t) => t.query.query)).toEqual(['"Azər Allahverənov"', '"İctimai Şura"']);
    expect(targets[0]?.url).toBe(
      'https://news.google.com/rss/search?q=%22Az%C9%99r%20Allahver%C9%99nov%22&hl=az&gl=AZ&ceid=AZ:az',
    );
    expect(targets[0]?.query.subjectId).toBe('azer-allahveranov');
  });

  it('gives each query a stable source id of its own', () => {
    expect(new Set(targets.map((t) => t.sourceId)).size).toBe(2);
    expect(searchTargets(registry, roster).map((t) => t.sourceId)).toEqual(targets.map((t) => t.sourceId));
  });

  it('refuses a template without {query}', () => {
    expect(() =>
      parseOutlets(
        {
          outlets: [],
          searches: [{ id: 's', engine: 'generic', url: 'https://x.example/', language: 'en' }],
        },
        'f',
      ),
    ).toThrow('f: searches[0].url: must contain {query}');
  });
});

describe('searchIsDue', () => {
  const [target] = searchTargets(registry, roster);
  const state = (lastPolledAt: string): SourceState => ({
    sourceId: target?.sourceId ?? '',
    url: '',
    outletId: 'google-az',
    consecutiveFailures: 0,
    itemsSeen: 0,
    lastPolledAt,
  });

  it('waits at least an hour, plus the query jitter of under 15 minutes', () => {
    if (!target) throw new Error('no target');
    const polled = '2026-11-30T10:00:00.000Z';
    expect(searchIsDue(target, undefined, new Date(polled))).toBe(true);
    expect(searchIsDue(target, state(polled), new Date('2026-11-30T10:59:59.000Z'))).toBe(false);
    expect(searchIsDue(target, state(polled), new Date('2026-11-30T11:15:00.000Z'))).toBe(true);
  });

  it('honours a deferral asked for with Retry-After', () => {
    if (!target) throw new Error('no target');
    const deferred = { ...state('2026-11-30T08:00:00.000Z'), deferredUntil: '2026-11-30T12:00:00.000Z' };
    expect(searchIsDue(target, deferred, new Date('2026-11-30T11:30:00.000Z'))).toBe(false);
  });
});

describe('distinct outlets', () => {
  it('counts registry entries of one registrable domain once, and drops zero counts', () => {
    const attributor = createAttributor(registry);
    expect(distinctOutletCount({ 'trend-az': 2, 'trend-en': 1, 'example.com': 1, gone: 0 }, attributor)).toBe(
      2,
    );
  });

  it.each([
    ['İctimai TV', 'ictimai tv'],
    ['ICTIMAI TV', 'Иджтимаи ТВ'],
    ['Xalq qəzeti', 'Халг газети'],
  ])('folds %s and %s to one name key', (a, b) => expect(outletNameKey(a)).toBe(outletNameKey(b)));

  it('keeps different names apart', () => {
    expect(outletNameKey('Зеркало')).not.toBe(outletNameKey('Эхо'));
  });
});
