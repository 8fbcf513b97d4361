// Pure rules of the alerts: quiet hours in Baku time, the spike rule, retry backoff, and the webhook seal.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '#shared/alerts/delivery-outcome.ts';
import { isQuiet, quietEnd } from '#shared/alerts/quiet-hours.ts';
import { isSpike } from '#shared/alerts/spike-rule.ts';
import { maskWebhookUrl, webhookSeal } from '#shared/alerts/webhook-seal.ts';

const night = { start: '22:00', end: '08:00' };

describe('isQuiet', () => {
  it.each([
    ['2026-11-30T17:59:00Z', false], // 21:59 in Baku
    ['2026-11-30T18:00:00Z', true], // 22:00
    ['2026-11-30T23:30:00Z', true], // 03:30
    ['2026-12-01T03:59:59Z', true], // 07:59:59
    ['2026-12-01T04:00:00Z', false], // 08:00
  ])('at %s is %s for 22:00–08:00', (at, expected) => {
    expect(isQuiet(night, new Date(at))).toBe(expected);
  });

  it('handles hours within one day and none at all', () => {
    expect(isQuiet({ start: '13:00', end: '14:00' }, new Date('2026-11-30T09:30:00Z'))).toBe(true);
    expect(isQuiet({ start: '13:00', end: '14:00' }, new Date('2026-11-30T10:00:00Z'))).toBe(false);
    expect(isQuiet(null, new Date('2026-11-30T20:00:00Z'))).toBe(false);
  });
});

describe('quietEnd', () => {
  it('is the next morning in Baku while quiet, and now otherwise', () => {
    expect(quietEnd(night, new Date('2026-11-30T19:05:30Z')).toISOString()).toBe('2026-12-01T04:00:00.000Z');
    expect(quietEnd(night, new Date('2026-12-01T01:00:00Z')).toISOString()).toBe('2026-12-01T04:00:00.000Z');
    const day = new Date('2026-12-01T08:00:00Z');
    expect(quietEnd(night, day)).toBe(day);
  });
});

describe('isSpike', () => {
  const fortnight = (total: number) => [total, ...Array(13).fill(0)];
  it.each([
    [5, fortnight(0), true],
    [4, fortnight(0), false], // below the floor of five
    [6, fortnight(28), false], // average 2: six is not above three times it
    [7, fortnight(28), true],
    [42, fortnight(196), false], // average 14: 42 is exactly three times
  ])('%i after a fortnight of %j is %s', (today, trailing, expected) => {
    expect(isSpike(today, trailing)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('doubles from two minutes up to an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n) / 60_000)).toEqual([2, 4, 8, 16, 32, 60, 60]);
  });
});

describe('webhookSeal', () => {
  it('opens what it sealed, never holds the plain address, and refuses another key', () => {
    const seal = webhookSeal(randomBytes(32));
    const url = 'https://api.chat.example/bot123:SECRET/sendMessage?chat_id=42';
    const sealed = seal.seal(url);
    expect(sealed).not.toContain('SECRET');
    expect(seal.seal(url)).not.toBe(sealed); // a fresh nonce each time
    expect(seal.open(sealed)).toBe(url);
    expect(() => webhookSeal(randomBytes(32)).open(sealed)).toThrow();
    expect(() => webhookSeal(randomBytes(16))).toThrow(/32 bytes/);
  });

  it('masks all but the host and the last four characters', () => {
    expect(maskWebhookUrl('https://api.chat.example/bot123:SECRET/sendMessage?chat_id=42')).toBe(
      'https://api.chat.example/…d=42',
    );
    expect(maskWebhookUrl('https://hooks.chat.example/x')).toBe('https://hooks.chat.example/…');
  });
});
