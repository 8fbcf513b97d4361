import { describe, expect, it } from 'vitest';
import { guidsTrusted, itemIdentity, normaliseItems } from '#shared/feeds/items/item-normaliser.ts';
import { storyKey, storySimilarity } from '#shared/feeds/items/story-key.ts';
import type { RawItem } from '#shared/feeds/parse/raw-item.ts';

const item = (over: Partial<RawItem>): RawItem => ({ link: null, title: 't', text: '', ...over });
const now = new Date('2024-03-06T00:00:00Z');

describe('item identity', () => {
  it('prefers the guid, then the canonical link, then a hash of title and text', () => {
    expect(itemIdentity(item({ guid: 'g', link: 'https://a.az/1' }), true)).toBe('g');
    expect(itemIdentity(item({ link: 'https://a.az/1' }), true)).toBe('https://a.az/1');
    expect(itemIdentity(item({ title: 'x', text: 'y' }), true)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('distrusts every guid of a feed that gives one guid to different links', () => {
    const items = [
      item({ guid: 'same', link: 'https://a.az/1' }),
      item({ guid: 'same', link: 'https://a.az/2' }),
    ];

    expect(guidsTrusted(items)).toBe(false);
    expect(normaliseItems(items, { now }).map((i) => i.identity)).toEqual([
      'https://a.az/1',
      'https://a.az/2',
    ]);
  });

  it('keeps the first occurrence of a repeated guid', () => {
    const items = [
      item({ guid: 'g', title: 'first', link: 'https://a.az/1' }),
      item({ guid: 'g', title: 'again', link: 'https://a.az/1' }),
    ];

    expect(normaliseItems(items, { now }).map((i) => i.title)).toEqual(['first']);
  });

  it('flags a missing date and keeps the item', () => {
    const [normalised] = normaliseItems([item({ link: 'https://a.az/1' })], { now, language: 'az' });

    expect(normalised).toMatchObject({ published: null, dateFlag: 'missing', language: 'az' });
  });
});

describe('storyKey', () => {
  it('groups the same story told with different order, punctuation and endings', () => {
    const a = storyKey('Azər Allahverənov miqrantların hüquqları barədə danışıb');
    const b = storyKey('Miqrantların hüquqları barədə Azər Allahverənov danışıb!');
    const c = storyKey('«Azər Allahverənovun» miqrantların hüquqları barədə danışıb');

    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('separates different stories', () => {
    expect(storyKey('Council meets NGOs in Baku')).not.toBe(storyKey('Council presents annual report'));
  });

  it('uses the text when the title is too thin', () => {
    expect(storyKey('Video', 'Sahib Məmmədov spoke')).not.toBe(storyKey('Video', 'Weather warning issued'));
  });

  it('scores similarity of titles', () => {
    expect(storySimilarity('Council meets NGOs in Baku', 'Council meets NGOs in Baku today')).toBeGreaterThan(
      0.7,
    );
    expect(storySimilarity('Council meets NGOs', 'Weather warning')).toBe(0);
  });
});
