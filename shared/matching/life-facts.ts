// Facts of a life read from the text around a name: a birth year, an age, a life span in brackets
// and a patronymic. Each one that cannot be the member's (roster `born`, `patronymic`) marks the
// name as someone else's.
import { type NormalisedText, wordRange, wordText } from './normalise-text.ts';
import { gapJoins } from './word-walk.ts';

/** A span of the text that speaks against the member. */
export interface Evidence {
  start: number;
  end: number;
  reason: 'namesake' | 'profession' | 'obituary' | 'born' | 'patronymic';
}

const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/gu;
const BIRTH_WORDS =
  /(?<!\p{L})(born|b\.|anadan ol\p{L}*|təvəllüd\p{L}*|doğul\p{L}*|родил\p{L}*|рожд\p{L}*|г\.\s?р\.)/giu;
const AGE =
  /(?<!\d)(\d{2})(?:[-\s\u00a0]?(?:year-old|years old|yaşlı|yaşında|летн\p{L}*|лет(?!\p{L})))|(?<!\p{L})(?:aged|в возрасте)\s(\d{2})(?!\d)/giu;
const LIFE_SPAN = /^[\s,]*\(\s*(1[89]\d\d|20\d\d)\s*[-–—]\s*(1[89]\d\d|20\d\d)\s*\)/u;
const PATRONYMIC_WORDS = new Set(['oglu', 'ogli', 'gizi', 'kizi']);
const PATRONYMIC_ENDING = /(ovic|evic|ovna|evna|icna)$/;

/** Birth years and ages in `text[from, to)` that do not fit a member born in `born`. */
export function wrongBirth(text: string, from: number, to: number, born: number, year: number): Evidence[] {
  const scope = text.slice(from, to);
  const found: Evidence[] = [];
  const years = [...scope.matchAll(YEAR)].map((match) => ({ at: match.index ?? 0, year: Number(match[1]) }));
  // Each birth word names the year nearest to it (1950-ci ildə anadan olub; born in 1950).
  for (const word of scope.matchAll(BIRTH_WORDS)) {
    const at = word.index ?? 0;
    const nearest = years
      .filter((item) => Math.abs(item.at - at) <= 40)
      .sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at))[0];
    if (nearest && Math.abs(nearest.year - born) > 1)
      found.push({ start: from + nearest.at, end: from + nearest.at + 4, reason: 'born' });
  }
  for (const match of scope.matchAll(AGE)) {
    const age = Number(match[1] ?? match[2]);
    const at = from + (match.index ?? 0);
    if (Math.abs(year - born - age) > 1) found.push({ start: at, end: at + match[0].length, reason: 'born' });
  }
  return found;
}

/** A life span in brackets right after the name, as "(1931–2009)": the person has died. */
export function lifeSpanAfter(text: string, end: number): Evidence | undefined {
  const match = LIFE_SPAN.exec(text.slice(end, end + 24));
  return match ? { start: end, end: end + match[0].length, reason: 'obituary' } : undefined;
}

/** The skeleton of the father's name carried by a patronymic word pair or a Russian -ович word. */
function fatherAt(norm: NormalisedText, w: number): string | undefined {
  if (w + 1 < norm.wordCount && PATRONYMIC_WORDS.has(wordText(norm, w + 1)) && gapJoins(norm, w, w + 1))
    return wordText(norm, w);
  const word = wordText(norm, w);
  return PATRONYMIC_ENDING.test(word) ? word.replace(PATRONYMIC_ENDING, '') : undefined;
}

const sameName = (a: string, b: string): boolean =>
  a === b || ((a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 2);

/**
 * A patronymic inside the name (Sahib Əziz oğlu Məmmədov, Сахиб Азизович Мамедов) or after a
 * surname-first name (Məmmədov Sahib Əziz oğlu) naming a father other than the member's.
 */
export function wrongPatronymic(
  norm: NormalisedText,
  firstWord: number,
  lastWord: number,
  surnameFirst: boolean,
  fathers: Set<string>,
): Evidence | undefined {
  const words: number[] = [];
  for (let w = firstWord + 1; w < lastWord; w++) words.push(w);
  if (surnameFirst && gapJoins(norm, lastWord, lastWord + 1)) words.push(lastWord + 1);
  for (const w of words) {
    const father = fatherAt(norm, w);
    if (father === undefined) continue;
    if ([...fathers].some((own) => sameName(own, father))) return undefined;
    const [start] = wordRange(norm, w);
    const lastOf = PATRONYMIC_WORDS.has(wordText(norm, w + 1)) ? w + 1 : w;
    return { start, end: wordRange(norm, lastOf)[1], reason: 'patronymic' };
  }
  return undefined;
}
