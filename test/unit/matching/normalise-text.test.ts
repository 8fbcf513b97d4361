// The folding that all matching rests on: one skeleton for every script and rendering of a name.
import { describe, expect, it } from 'vitest';
import { azEndings } from '#shared/matching/az-suffixes.ts';
import { skeletonWords } from '#shared/matching/normalise-text.ts';

const skeleton = (text: string): string =>
  skeletonWords(text)
    .map((w) => w.sk)
    .join(' ');

describe('skeletonWords', () => {
  it.each([
    ['Allahveranov', 'Аллахверанов'],
    ['Allahverenov', 'Allahverənov'],
    ['Mamedov', 'Мамедов'],
    ['Orujov', 'Orucov'],
    ['Orudzhev', 'Оруджев'],
    ['Baghirov', 'Bagirov'],
    ['Ilgar', 'İlqar'],
    ['ILQAR', 'ılqar'],
    ['Khelilov', 'Xəlilov'],
    ['Shahin', 'Şahin'],
    ['Chingiz', 'Çingiz'],
    ['Ильгар', 'Ilgar'],
  ])('folds %s and %s to the same skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it('folds dotted İ without leaving a combining dot', () => {
    expect(skeleton('İctimai')).toBe('ictimai');
    expect(skeleton('I\u0307ctimai')).toBe('ictimai');
  });

  it('keeps each word with its original spelling, soft hyphens and inline markup included', () => {
    const words = skeletonWords('Azer Allah\u00adve<i>ra</i>nov<br>Rəhimli');

    expect(words.map((w) => w.original)).toEqual(['Azer', 'Allah\u00adve<i>ra</i>nov', 'Rəhimli']);
  });

  it('joins a word hyphenated at a line end but not a compound', () => {
    expect(skeleton('Allahvera-\nnov')).toBe('alahveranov');
    expect(skeleton('Allahveranov-led')).toBe('alahveranov led');
  });
});

describe('azEndings', () => {
  it.each([
    ['Allahverənov', ['un', 'u', 'a', 'da', 'dan', 'la']],
    ['Rəhimli', ['nin', 'ni', 'yə', 'də', 'dən', 'ylə']],
    ['Şura', ['nın', 'sı', 'sının', 'ya', 'da']],
    ['Orucov', ['un', 'a', 'la']],
  ])('gives %s the endings its vowels call for', (word, expected) => {
    expect(azEndings(word)).toEqual(expect.arrayContaining(expected));
  });
});
