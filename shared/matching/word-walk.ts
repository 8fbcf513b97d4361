// Finds raw pattern hits: one pass over the words of the folded text; a word enters the trie only if
// its first bytes pass the prefix table, and is then split into stem and ending by set lookups.
import { foldTable, isCyrillic, ZERO } from './fold-table.ts';
import { type NormalisedText, wordText } from './normalise-text.ts';
import {
  CYRILLIC_OK,
  code5,
  DATIVE,
  LATIN_OK,
  type PatternIndex,
  type Terminal,
  type TrieNode,
} from './pattern-trie.ts';

/** A pattern that matched words `firstWord..lastWord`. */
export interface RawHit {
  firstWord: number;
  lastWord: number;
  terminal: Terminal;
  dative: boolean;
}

const PATRONYMIC_WORDS = new Set(['oglu', 'ogli', 'gizi', 'kizi']);
const PATRONYMIC_ENDING = /(ovic|evic|ovna|evna|icna)$/;

/** True when the original gap between words `a` and `b` may sit inside a name. */
export function gapJoins(norm: NormalisedText, a: number, b: number): boolean {
  if (b >= norm.wordCount || a < 0) return false;
  const from = norm.origEnd[(norm.wordEnd[a] as number) - 1] as number;
  const to = norm.origStart[norm.wordStart[b] as number] as number;
  if (to - from > 200) return false;
  // Letters that fold to nothing (ь, ъ, soft hyphens, combining marks) end a word without a byte of
  // their own, so they fall into the gap after it (Игорь Петров, заместитель министра).
  const folds = foldTable();
  let skip = from;
  while (skip < to && ((folds[norm.text.charCodeAt(skip)] as number) & 3) === ZERO) skip++;
  const gap = norm.text.slice(skip, to).replace(/<[^>]*>|&[a-zA-Z#0-9]+;/g, ' ');
  const initial = (norm.wordEnd[a] as number) - (norm.wordStart[a] as number) <= 2;
  const lineBreaks = gap.split('\n').length - 1;
  if (lineBreaks <= 1 && (initial ? /^\.?[\s\u00a0]*$/ : /^[\s\u00a0]*$/).test(gap)) return true;
  // A possessive or case ending after an apostrophe or hyphen (SMS's, DMX-nin) stays with its word.
  const next = norm.text.charCodeAt(to);
  return (
    /^['’ʼ-]$/.test(gap) &&
    (norm.wordEnd[b] as number) - (norm.wordStart[b] as number) <= 3 &&
    next >= 97 &&
    next <= 122
  );
}

/** True when word `w` is followed directly by a full stop, as an initial is. */
export function dotAfter(norm: NormalisedText, w: number): boolean {
  const end = norm.origEnd[(norm.wordEnd[w] as number) - 1] as number;
  return (norm.wordEnd[w] as number) - (norm.wordStart[w] as number) <= 2 && norm.text.charCodeAt(end) === 46;
}

/** True when word `w` is a patronymic marker (oğlu) or a Russian patronymic (Керимович). */
export const isPatronymicWord = (word: string): boolean =>
  PATRONYMIC_WORDS.has(word) || PATRONYMIC_ENDING.test(word);

/** Collects every raw hit in the text. */
export function findRawHits(norm: NormalisedText, index: PatternIndex): RawHit[] {
  const hits: RawHit[] = [];
  const cache = new Map<number, { stem: string; suffix: string }[]>();
  const { sk, wordStart, wordEnd } = norm;

  const candidates = (w: number): { stem: string; suffix: string }[] => {
    const cached = cache.get(w);
    if (cached) return cached;
    const word = wordText(norm, w);
    const found: { stem: string; suffix: string }[] = [];
    for (let k = 0; k <= Math.min(index.maxSuffix, word.length - 1); k++) {
      const suffix = word.slice(word.length - k);
      if (k > 0 && !index.suffixes.has(suffix)) continue;
      const stem = word.slice(0, word.length - k);
      if (index.stems.has(stem)) found.push({ stem, suffix });
    }
    cache.set(w, found);
    return found;
  };

  const walk = (node: TrieNode, first: number, w: number, dative: boolean): void => {
    if (w >= norm.wordCount) return;
    const script = isCyrillic(norm.text.charCodeAt(norm.origStart[wordStart[w] as number] as number))
      ? CYRILLIC_OK
      : LATIN_OK;
    for (const { stem, suffix } of candidates(w)) {
      for (const edge of node.children.get(stem) ?? []) {
        const flags = edge.endings.get(suffix) ?? 0;
        if (!(flags & script) || (edge.initial && !dotAfter(norm, w))) continue;
        const next = edge.next;
        const nextDative = dative || (flags & DATIVE) !== 0;
        for (const terminal of next.terminals)
          hits.push({ firstWord: first, lastWord: w, terminal, dative: nextDative });
        if (next.children.size === 0) continue;
        if (gapJoins(norm, w, w + 1)) walk(next, first, w + 1, nextDative);
        if (next.skipPatronymic) skipPatronymic(next, first, w, nextDative);
        if (
          next.skipInitial &&
          gapJoins(norm, w, w + 1) &&
          dotAfter(norm, w + 1) &&
          gapJoins(norm, w + 1, w + 2)
        ) {
          walk(next, first, w + 2, nextDative);
        }
      }
    }
  };

  // "Azər Kərim oğlu Allahverənov" and "Азер Керимович Аллахверанов": the patronymic is skipped.
  const skipPatronymic = (node: TrieNode, first: number, w: number, dative: boolean): void => {
    if (!gapJoins(norm, w, w + 1) || !gapJoins(norm, w + 1, w + 2)) return;
    if (PATRONYMIC_ENDING.test(wordText(norm, w + 1))) walk(node, first, w + 2, dative);
    if (PATRONYMIC_WORDS.has(wordText(norm, w + 2)) && gapJoins(norm, w + 2, w + 3))
      walk(node, first, w + 3, dative);
  };

  for (let w = 0; w < norm.wordCount; w++) {
    const start = wordStart[w] as number;
    const length = (wordEnd[w] as number) - start;
    let key = 0;
    const prefixLength = Math.min(length, 4);
    for (let i = 0; i < prefixLength; i++) key = key * 32 + code5(sk[start + i] as number);
    if ((length >= 4 ? index.prefix4[key] : index.short[key]) === 1) walk(index.root, w, w, false);
  }
  return hits;
}
