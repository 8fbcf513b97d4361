import { describe, expect, it } from 'vitest';
import {
  defaultOutletsPath,
  disabledSources,
  enabledSources,
  loadOutlets,
  parseOutlets,
  resolveOutletsPath,
  sourceIdOf,
} from '#shared/config/outlets.ts';
import { ConfigError } from '#shared/errors.ts';
import { FeedError } from '#shared/feeds/feed-error.ts';
import { parseRetryAfter } from '#shared/feeds/fetch/http-fetcher.ts';
import {
  initialState,
  isDue,
  isFlagged,
  recordFailure,
  recordSuccess,
} from '#shared/feeds/poll/feed-health.ts';

describe('feed health', () => {
  const now = new Date('2024-03-06T00:00:00Z');

  it('counts consecutive failures, flags after five, and clears on success', () => {
    let state = initialState('s', 'https://a.az/rss', 'a');
    for (let i = 0; i < 5; i++) state = recordFailure(state, new FeedError('timeout', 'timed out'), now);

    expect(isFlagged(state)).toBe(true);
    expect(state.lastError?.kind).toBe('timeout');

    state = recordSuccess(state, now, { itemCount: 3, etag: '"e"' });
    expect(state).toMatchObject({ consecutiveFailures: 0, itemsSeen: 3, etag: '"e"' });
    expect(state.lastError).toBeUndefined();
  });

  it('backs off a failing source and waits out a deferral', () => {
    const failing = {
      ...initialState('s', 'u', 'a'),
      consecutiveFailures: 4,
      lastPolledAt: '2024-03-05T23:45:00Z',
    };
    const deferred = { ...initialState('s', 'u', 'a'), deferredUntil: '2024-03-06T01:00:00Z' };

    expect(isDue(failing, now)).toBe(false);
    expect(isDue(deferred, now)).toBe(false);
    expect(isDue(undefined, now)).toBe(true);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter('Wed, 06 Mar 2024 00:01:00 GMT', now.getTime())).toBe(60);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('parseOutlets', () => {
  const valid = {
    outlets: [
      {
        id: 'apa',
        name: 'APA',
        languages: ['az'],
        homepage: 'https://apa.az',
        sources: [
          { type: 'feed', url: 'https://apa.az/rss', language: 'az' },
          {
            type: 'html',
            url: 'https://example.az/news',
            selectors: { item: 'article', link: 'a', title: 'h2', date: 'time' },
            dateAttribute: 'datetime',
            timeZone: 'Asia/Baku',
          },
        ],
      },
    ],
    allowPrivateAddresses: ['127.0.0.0/8'],
  };

  it('accepts the shape of the issue as written, with defaults and stable source ids', () => {
    const registry = parseOutlets(valid, 'outlets.json');

    expect(registry.outlets[0]?.sources[0]).toMatchObject({
      timeZone: 'UTC',
      enabled: true,
      sourceId: sourceIdOf('apa', 'https://apa.az/rss'),
    });
    expect(registry.outlets[0]?.sources[1]?.timeZone).toBe('Asia/Baku');
  });

  it.each([
    [
      { ...valid, allowPrivateAddresses: ['localhost'] },
      /allowPrivateAddresses\[0\]: must be an IP address or a CIDR range/,
    ],
    [{ outlets: [{ ...valid.outlets[0], id: 'APA!' }] }, /outlets\[0\]\.id: must be lower-case/],
    [
      { outlets: [{ ...valid.outlets[0], sources: [{ type: 'feed', url: 'ftp://x' }] }] },
      /outlets\[0\]\.sources\[0\]\.url/,
    ],
    [
      {
        outlets: [
          { ...valid.outlets[0], sources: [{ type: 'feed', url: 'https://a.az', timeZone: 'Mars/Base' }] },
        ],
      },
      /timeZone: must be an IANA/,
    ],
    [{ outlets: [valid.outlets[0], valid.outlets[0]] }, /outlets\[1\]\.id: duplicate id "apa"/],
  ])('names the file, field and reason of a bad entry (%#)', (value, message) => {
    expect(() => parseOutlets(value, 'outlets.json')).toThrow(ConfigError);
    expect(() => parseOutlets(value, 'outlets.json')).toThrow(message);
  });

  it('resolves the registry path from the flag, then OUTLETS_FILE, then the default', () => {
    process.env.OUTLETS_FILE = '/env/outlets.json';
    expect(resolveOutletsPath('/flag.json')).toBe('/flag.json');
    expect(resolveOutletsPath()).toBe('/env/outlets.json');
    delete process.env.OUTLETS_FILE;
    expect(resolveOutletsPath()).toMatch(/config\/outlets\.json$/);
  });
});

describe('the shipped registry', () => {
  it('lists 100+ outlets, each with a homepage and a note on its evidence', async () => {
    const registry = await loadOutlets(defaultOutletsPath);
    const domains = registry.outlets.map((o) => new URL(o.homepage).hostname.replace(/^www\./, ''));

    expect(registry.outlets.length).toBeGreaterThanOrEqual(100);
    expect(new Set(domains).size).toBe(domains.length);
    expect(registry.outlets.every((o) => o.verified)).toBe(true);
    expect(registry.outlets.every((o) => o.sources.every((s) => s.verified))).toBe(true);
    // Outlets with no known feed are still listed, so coverage found elsewhere is attributed by domain.
    expect(registry.outlets.some((o) => o.sources.length === 0)).toBe(true);
  });

  it('polls only addresses with strong evidence; guessed and legacy ones are listed but disabled', async () => {
    const registry = await loadOutlets(defaultOutletsPath);
    const enabled = enabledSources(registry).map(({ source }) => source);
    const disabled = disabledSources(registry).map(({ source }) => source);

    expect(enabled.map((s) => s.url)).toContain('https://apa.az/rss');
    expect(enabled.every((s) => s.verified?.startsWith('strong evidence'))).toBe(true);
    expect(disabled.every((s) => /disabled|re-verify|not polled twice/.test(s.verified ?? ''))).toBe(true);
    expect(enabled.length + disabled.length).toBe(registry.outlets.flatMap((o) => o.sources).length);
    // day.az answers 410 and turan.az serves a bot challenge (2026 probes): neither is polled.
    const host = (url: string) => new URL(url).hostname;
    expect(enabled.some((s) => /(^|\.)(day|turan)\.az$/.test(host(s.url)))).toBe(false);
    expect(disabled.some((s) => host(s.url) === 'news.day.az')).toBe(true);
  });
});

describe('disabled sources', () => {
  it('are those disabled themselves or belonging to a disabled outlet, and an outlet may have none', () => {
    const registry = parseOutlets(
      {
        outlets: [
          {
            id: 'a',
            name: 'A',
            languages: ['az'],
            homepage: 'https://a.az',
            sources: [
              { type: 'feed', url: 'https://a.az/rss' },
              { type: 'feed', url: 'https://a.az/feed', enabled: false, verified: 'a guess' },
            ],
          },
          {
            id: 'b',
            name: 'B',
            languages: ['az'],
            homepage: 'https://b.az',
            enabled: false,
            sources: [{ type: 'feed', url: 'https://b.az/rss' }],
          },
          { id: 'c', name: 'C', languages: ['ru'], homepage: 'https://c.az', verified: 'homepage only' },
        ],
      },
      'outlets.json',
    );

    expect(enabledSources(registry).map(({ source }) => source.url)).toEqual(['https://a.az/rss']);
    expect(disabledSources(registry).map(({ source }) => source.url)).toEqual([
      'https://a.az/feed',
      'https://b.az/rss',
    ]);
    expect(registry.outlets[2]?.sources).toEqual([]);
  });
});
