// The pieces that keep a poll fair and total: slots given up at the run's end, a budget that does
// not run while a source waits in line, Retry-After clamped, and a feed cut to its newest items.
import { describe, expect, it } from 'vitest';
import { maxRetryAfterSeconds, parseRetryAfter } from '#shared/feeds/fetch/http-fetcher.ts';
import { createOriginLimiter, SlotWaitAbortedError } from '#shared/feeds/fetch/origin-limiter.ts';
import { createSourceClock } from '#shared/feeds/fetch/source-clock.ts';
import { keepNewestItems } from '#shared/feeds/items/newest-items.ts';
import type { RawItem } from '#shared/feeds/parse/raw-item.ts';
import {
  initialState,
  isDue,
  notPolledFirst,
  recordDeferral,
  recordFailure,
  recordNotPolled,
  recordSuccess,
} from '#shared/feeds/poll/feed-health.ts';

const deferred = () => {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('createOriginLimiter', () => {
  it('serves waiting tasks in order and gives up a wait when its signal aborts', async () => {
    // Arrange
    const limiter = createOriginLimiter(1);
    const gate = deferred();
    const order: string[] = [];
    const controller = new AbortController();

    // Act
    const first = limiter.run('o', async () => {
      order.push('first');
      await gate.promise;
    });
    const abandoned = limiter.run('o', async () => order.push('abandoned'), { signal: controller.signal });
    const third = limiter.run('o', async () => order.push('third'));
    controller.abort();
    gate.resolve();
    await first;
    await third;

    // Assert
    await expect(abandoned).rejects.toBeInstanceOf(SlotWaitAbortedError);
    expect(order).toEqual(['first', 'third']);
  });

  it('refuses at once when the signal has already aborted', async () => {
    const limiter = createOriginLimiter(2);
    await expect(limiter.run('o', async () => 1, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      SlotWaitAbortedError,
    );
  });
});

describe('createSourceClock', () => {
  it('does not charge the time spent waiting for a slot', async () => {
    // Arrange: a fake time source; the one slot of the origin is held by another task.
    let now = 0;
    const limiter = createOriginLimiter(1);
    const gate = deferred();
    const holder = limiter.run('o', () => gate.promise);
    const clock = createSourceClock(1_000, limiter, undefined, () => now);

    // Act
    const hop = clock.hop('o', async () => {
      now += 300; // the request itself
    });
    now += 5_000; // in line
    const whileWaiting = clock.remainingMs();
    gate.resolve();
    await holder;
    await hop;

    // Assert
    expect(whileWaiting).toBe(1_000);
    expect(clock.remainingMs()).toBe(700);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['99999999999999', maxRetryAfterSeconds],
    ['604801', maxRetryAfterSeconds],
    ['Fri, 31 Dec 9999 23:59:59 GMT', maxRetryAfterSeconds],
    ['3600', 3600],
    ['Mon, 01 Jan 2024 00:00:00 GMT', 0],
  ])('reads %s as %i seconds', (value, seconds) => {
    expect(parseRetryAfter(value, Date.parse('2024-03-06T00:00:00Z'))).toBe(seconds);
  });
});

describe('source health across runs', () => {
  const now = new Date('2026-11-30T10:00:00Z');
  const state = initialState('s', 'https://x.example/rss', 'x');

  it('clamps a deferral that no date can hold to a week', () => {
    const next = recordDeferral(state, new Date(Number.NaN), now);
    expect(next.deferredUntil).toBe('2026-12-07T10:00:00.000Z');
    expect(recordDeferral(state, new Date('9999-12-31T00:00:00Z'), now).deferredUntil).toBe(
      '2026-12-07T10:00:00.000Z',
    );
  });

  it('records "not polled" as no failure, keeps the source due, and clears it on the next poll', () => {
    // Act
    const waited = recordNotPolled(state, now);
    const reached = recordSuccess(waited, now, { itemCount: 3 });
    const failed = recordFailure(waited, { kind: 'timeout', message: 'timed out' }, now);

    // Assert
    expect(waited).toMatchObject({ consecutiveFailures: 0, notPolledAt: now.toISOString() });
    expect(waited.lastError).toBeUndefined();
    expect(isDue(waited, now)).toBe(true);
    expect(reached.notPolledAt).toBeUndefined();
    expect(failed.notPolledAt).toBeUndefined();
  });

  it('puts sources the last run could not reach first, the rest in order', () => {
    const states = new Map([['c', recordNotPolled(state, now)]]);
    expect(notPolledFirst(['a', 'b', 'c', 'd'], (id) => states.get(id))).toEqual(['c', 'a', 'b', 'd']);
  });

  it('records how many items a feed had cut, and forgets it when none are', () => {
    const cut = recordSuccess(state, now, { itemCount: 60_000, itemsCut: 59_500 });
    expect(cut).toMatchObject({ itemsSeen: 60_000, itemsCut: 59_500 });
    expect(recordSuccess(cut, now, { itemCount: 20, itemsCut: 0 }).itemsCut).toBeUndefined();
  });
});

describe('keepNewestItems', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  const item = (n: number, date?: string): RawItem => ({
    link: `https://x.example/${n}`,
    title: `t${n}`,
    text: '',
    ...(date ? { dateRaw: date, date: new Date(date) } : {}),
  });

  it('keeps every item of a feed within the limit, untouched', () => {
    const items = [item(1), item(2)];
    expect(keepNewestItems(items, 2, now)).toEqual({ items, cut: 0 });
  });

  it('keeps the newest by date in document order, undated and future-dated items ranking last', () => {
    // Arrange
    const items = [
      item(1, '2026-11-01T00:00:00Z'),
      item(2),
      item(3, '2026-11-29T00:00:00Z'),
      item(4, '2030-01-01T00:00:00Z'), // a placeholder far in the future
      item(5, '2026-11-15T00:00:00Z'),
      item(6),
    ];

    // Act
    const three = keepNewestItems(items, 3, now);
    const five = keepNewestItems(items, 5, now);

    // Assert
    expect(three.items.map((i) => i.title)).toEqual(['t1', 't3', 't5']);
    expect(three.cut).toBe(3);
    expect(five.items.map((i) => i.title)).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });
});
