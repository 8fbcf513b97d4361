import { describe, expect, it } from 'vitest';
import { fitMentionText, itemBudget, truncateUtf8 } from '#shared/store/item-budget.ts';

describe('truncateUtf8', () => {
  it.each([
    ['plain ASCII', 'abcdef', 4, 'abcd'],
    ['two-byte letters, cut before a half', 'əəə', 5, 'əə'],
    ['a surrogate pair kept whole or not at all', 'a😀b', 4, 'a'],
    ['text already within budget', 'Şura', 100, 'Şura'],
  ])('keeps %s within the byte budget', (_, text, maxBytes, expected) => {
    expect(truncateUtf8(text, maxBytes)).toBe(expected);
    expect(Buffer.byteLength(truncateUtf8(text, maxBytes))).toBeLessThanOrEqual(maxBytes);
  });
});

describe('fitMentionText', () => {
  it('drops highlights past the kept snippet and names what it cut', () => {
    const text = 'ə'.repeat(itemBudget.snippetBytes);
    const fitted = fitMentionText(
      {
        text,
        highlights: [
          [0, 3],
          [itemBudget.snippetBytes - 2, itemBudget.snippetBytes],
        ],
      },
      [],
    );

    expect(fitted.snippet.text).toHaveLength(itemBudget.snippetBytes / 2);
    expect(fitted.snippet.highlights).toEqual([[0, 3]]);
    expect(fitted.cut).toEqual(['snippet']);
  });

  it('leaves a mention within budget untouched', () => {
    const spans = [{ field: 'title' as const, start: 0, end: 4, surface: 'Şura' }];
    const fitted = fitMentionText({ text: 'Şura', highlights: [[0, 4]] }, spans);

    expect(fitted).toEqual({ snippet: { text: 'Şura', highlights: [[0, 4]] }, spans, cut: [] });
  });
});
