import { describe, expect, it } from 'vitest';
import {
  defaultOutletsPath,
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
  it('loads, and keeps day.az and turan.az disabled', async () => {
    const registry = await loadOutlets(defaultOutletsPath);
    const urls = enabledSources(registry).map(({ source }) => source.url);

    expect(urls).toContain('https://apa.az/rss');
    expect(urls.some((u) => u.includes('day.az') || u.includes('turan.az'))).toBe(false);
    expect(registry.outlets.every((o) => o.sources.every((s) => s.verified))).toBe(true);
  });
});
