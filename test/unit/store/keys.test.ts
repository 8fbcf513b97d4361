import { describe, expect, it } from 'vitest';
import {
  aggregateBucketOf,
  aggregateKey,
  aggregateKeysFor,
  counterName,
  decodeCounterName,
  memberPartition,
  mentionIndexOf,
  monthPartition,
  outletPartition,
  reviewKey,
  reviewNumberOf,
  reviewSortPrefix,
} from '#shared/store/keys.ts';

describe('decodeCounterName', () => {
  it('reads back every counter name the aggregates are written with', () => {
    expect(decodeCounterName(counterName.total)).toEqual({ kind: 'total' });
    expect(decodeCounterName(counterName.entity('person', 'azer-allahveranov'))).toEqual({
      kind: 'person',
      id: 'azer-allahveranov',
    });
    expect(decodeCounterName(counterName.entity('organisation', 'public-council-sms'))).toEqual({
      kind: 'organisation',
      id: 'public-council-sms',
    });
    expect(decodeCounterName(counterName.outlet('apa'))).toEqual({ kind: 'outlet', id: 'apa' });
    expect(decodeCounterName(counterName.language('ru'))).toEqual({ kind: 'language', id: 'ru' });
  });

  it('keeps a # inside an id and ignores attributes that are not counters', () => {
    expect(decodeCounterName('o#manual#x')).toEqual({ kind: 'outlet', id: 'manual#x' });
    for (const name of ['PK', 'SK', 'x#1', '#a', 'p#', 'constructor#x', 'toString#y']) {
      expect(decodeCounterName(name)).toBeUndefined();
    }
  });
});

describe('aggregate keys', () => {
  it('names the Baku day, ISO week and month of an instant, and reads each bucket back', () => {
    const keys = aggregateKeysFor('2026-11-30T22:30:00.000Z');
    expect(keys.map((key) => aggregateBucketOf(key.PK))).toEqual(['2026-12-01', '2026-W49', '2026-12']);
    expect(aggregateBucketOf(aggregateKey('2026-11').PK)).toBe('2026-11');
    expect(aggregateBucketOf('ART#x')).toBeUndefined();
  });
});

describe('mentionIndexOf', () => {
  it('finds the index of each list partition and nothing else', () => {
    expect(mentionIndexOf(memberPartition('a'))).toBe('GSI1');
    expect(mentionIndexOf(monthPartition('2026-11'))).toBe('GSI2');
    expect(mentionIndexOf(outletPartition('apa'))).toBe('GSI3');
    expect(mentionIndexOf('AGG#2026-11')).toBeUndefined();
  });
});

describe('reviewKey', () => {
  it('sorts reviews of a mention in the order they were made, under one prefix', () => {
    const keys = [2, 10, 1].map((n) => reviewKey('a1', 'e1', n).SK);
    expect([...keys].sort()).toEqual([1, 2, 10].map((n) => reviewKey('a1', 'e1', n).SK));
    expect(keys.every((key) => key.startsWith(reviewSortPrefix('e1')))).toBe(true);
    expect(keys.map((key) => reviewNumberOf(key, 'e1'))).toEqual([2, 10, 1]);
    expect(reviewNumberOf(reviewKey('a1', 'e1-x', 3).SK, 'e1')).toBeUndefined();
    expect(reviewNumberOf('M#e1', 'e1')).toBeUndefined();
  });
});
