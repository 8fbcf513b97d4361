// One lookup per UTF-16 unit: how a character folds into the matching skeleton. The skeleton is
// lower-case ASCII in which the usual Azerbaijani, Russian and English renderings of a name coincide
// (ə/e, ı/i, q/g, x/h, c/j/ç, Cyrillic), so the text is folded once and never re-folded per alias.

/** A character that ends a word. */
export const SEP = 0;
/** A letter or digit: emits one or two skeleton bytes. */
export const LETTER = 1;
/** Invisible inside a word (soft hyphen, combining marks, ь/ъ): emits nothing, keeps the word whole. */
export const ZERO = 2;
/** Needs a look at its neighbours: `<` (markup), `&` (entity), `-` (hyphen at a line break). */
export const SPECIAL = 3;

/** Skeleton byte for letters of scripts the roster never uses, so they still form words. */
export const OTHER_LETTER = 95; // '_'

// Cyrillic (Russian, plus the Azerbaijani and Ukrainian extras) to the skeleton, lower case only.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'c',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'c',
  ш: 's',
  щ: 's',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'e',
  ҹ: 'c',
  ғ: 'g',
  ө: 'o',
  ү: 'u',
  һ: 'h',
  ј: 'y',
  і: 'i',
  ї: 'i',
  є: 'e',
  ґ: 'g',
  ў: 'u',
  қ: 'k',
  ң: 'n',
  ҳ: 'h',
};

// Latin letters whose plain ASCII base is not the skeleton: Azerbaijani spellings meet their ASCII and
// Russian-derived renderings here (q/g: Ilqar/Ilgar, x/h: Xəlil/Khalil, c/j: Orucov/Orujov).
const LATIN: Record<string, string> = {
  ə: 'e',
  ı: 'i',
  q: 'g',
  x: 'h',
  j: 'c',
  w: 'v',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ð: 'd',
  þ: 'th',
};

const ZERO_WIDTH = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

/** How one UTF-16 unit folds: the rule the table holds, one character at a time. */
export function foldOf(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return SEP;
  if (code === 0x3c || code === 0x26 || code === 0x2d) return SPECIAL;
  if (ZERO_WIDTH.includes(code) || (code >= 0x300 && code <= 0x36f)) return ZERO;
  const char = String.fromCharCode(code);
  if (!/[\p{L}\p{N}]/u.test(char)) return SEP;
  if (code >= 0x30 && code <= 0x39) return LETTER | (code << 8);
  // İ (U+0130) lower-cases to i plus a combining dot in JavaScript; fold it to plain i directly.
  const lower = code === 0x130 ? 'i' : char.toLowerCase();
  let out = CYRILLIC[lower] ?? LATIN[lower];
  if (out === undefined) {
    const base = lower.normalize('NFD').replace(/\p{M}/gu, '');
    out = /^[a-z]$/.test(base) ? (LATIN[base] ?? base) : String.fromCharCode(OTHER_LETTER);
  }
  if (out === '') return ZERO;
  return LETTER | (out.charCodeAt(0) << 8) | ((out.charCodeAt(1) || 0) << 16);
}

// From U+3400 on (CJK, Hangul, Yi and the rest) no letter lower-cases or decomposes (NFD) into a
// Latin or Cyrillic letter the maps know, so each letter or digit there folds to OTHER_LETTER. Those
// are 43,000 of the 50,000 letters; finding them with one regex scan per block, instead of
// lower-casing and normalising each, keeps building the table cheap for every process that
// imports the matcher. A unit test checks the table against foldOf for every code unit.
const FAST_FROM = 0x3400;

function fillFast(table: Int32Array, from: number, to: number): void {
  let text = '';
  for (let code = from; code < to; code++) text += String.fromCharCode(code);
  const other = LETTER | (OTHER_LETTER << 8);
  for (const run of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = from + (run.index as number);
    table.fill(other, start, start + run[0].length);
  }
}

let table: Int32Array | undefined;

/**
 * Fold entry per UTF-16 code unit: bits 0-1 class, bits 8-15 first skeleton byte, 16-23 second.
 * Built on first use, not at import: the API and the worker load the matcher's modules at every cold
 * start, and the table costs about 20 ms to build there.
 */
export function foldTable(): Int32Array {
  table ??= buildTable();
  return table;
}

function buildTable(): Int32Array {
  const built = new Int32Array(0x10000); // 0 is SEP
  for (let code = 0; code < FAST_FROM; code++) built[code] = foldOf(code);
  // Surrogates (U+D800–U+DFFF) stay SEP, as foldOf has them.
  fillFast(built, FAST_FROM, 0xd800);
  fillFast(built, 0xe000, 0x10000);
  for (const code of ZERO_WIDTH) if (code >= FAST_FROM) built[code] = ZERO;
  return built;
}

/** True when the UTF-16 unit is a Cyrillic letter, which selects the Russian paradigms. */
export const isCyrillic = (code: number): boolean => code >= 0x400 && code <= 0x52f;
