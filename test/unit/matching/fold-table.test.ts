// The fold table is built with a shortcut for the blocks from U+3400 on; it must hold exactly what
// the per-character rule gives, for every UTF-16 code unit.
import { describe, expect, it } from 'vitest';
import { foldOf, foldTable, LETTER, OTHER_LETTER, SEP, ZERO } from '#shared/matching/fold-table.ts';

describe('foldTable', () => {
  it('equals foldOf for all 65,536 code units', () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (foldTable()[code] !== foldOf(code)) differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('folds sample characters of the shortcut blocks as the rule says', () => {
    expect(foldTable()[0x4e2d]).toBe(LETTER | (OTHER_LETTER << 8)); // 中
    expect(foldTable()[0xac00]).toBe(LETTER | (OTHER_LETTER << 8)); // 가
    expect(foldTable()[0xff21]).toBe(LETTER | (OTHER_LETTER << 8)); // fullwidth A
    expect(foldTable()[0xfeff]).toBe(ZERO); // byte-order mark inside a word
    expect(foldTable()[0x3000]).toBe(SEP); // ideographic space
    expect(foldTable()[0xd83d]).toBe(SEP); // a lone surrogate
  });
});
