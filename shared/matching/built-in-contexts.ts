// Contexts in which a person's name does not name the person, whatever the roster says: a street
// (Allahverənov küçəsi, улица Аллахверанова, Allahveranov Street), a family (Allahverənov ailəsi,
// the Allahveranov family) and a woman of the same surname (Allahverənova xanım, госпожа
// Аллахверанова, "Аллахверанова заявила").
import { type NormalisedText, skeletonWords, wordRange, wordText } from './normalise-text.ts';
import { gapJoins } from './word-walk.ts';

/** Skeletons of whitespace-separated words; computed once, as normaliseText reuses its buffers. */
const skeletons = (words: string): string[] =>
  words
    .split(/\s+/)
    .filter(Boolean)
    .map((word) =>
      skeletonWords(word)
        .map((w) => w.sk)
        .join(''),
    );

interface WordList {
  /** The word must be exactly one of these (abbreviations, uninflected English words). */
  exact: Set<string>;
  /** The word may start with one of these (inflected Azerbaijani and Russian words). */
  prefixes: string[];
}

const wordList = (exact: string, prefixes: string): WordList => ({
  exact: new Set(skeletons(exact)),
  prefixes: skeletons(prefixes),
});

const inList = (word: string, list: WordList): boolean =>
  list.exact.has(word) || list.prefixes.some((prefix) => word.startsWith(prefix));

/** Words after a name that make it the name of a street or square. */
const STREET_AFTER = wordList(
  'street streets st avenue ave road rd lane square boulevard blvd highway küçə prospekt',
  // Azerbaijani street names take the possessive (küçəsi, küçəsində); küçədə is "in the street".
  'küçəsi prospekti meydanı döngəsi bulvarı şossesi',
);
/** Words before a name that make it the name of a street or square (Russian). */
const STREET_BEFORE = wordList('ул пр пер пл пр-т', 'улиц проспект переул площад бульвар шоссе проезд');
/** Words after a surname that make it the family's name. */
const FAMILY_AFTER = wordList('family families clan', 'ailə nəsli');
/** Titles of a woman before a surname, and the Azerbaijani one that follows it (Allahverənova xanım). */
const WOMAN_BEFORE = wordList('mrs ms miss madam madame mme', 'xanım госпож мадам гражданк');
const WOMAN_AFTER = wordList('', 'xanım');

/** Text before a word that starts a clause: nothing, or sentence or clause punctuation. */
const CLAUSE_START = /(^|[.!?:;,«"“„(\n—–-])\s*$/;
/** A Russian feminine past-tense verb (заявила, отметила, рассказала, улыбнулась). */
const FEMININE_PAST = /(ла|лась)$/;

const wordAt = (norm: NormalisedText, w: number): string =>
  w >= 0 && w < norm.wordCount ? wordText(norm, w) : '';

/** The word before `first` when nothing but spaces (or an abbreviation's dot) separates them. */
function wordBefore(norm: NormalisedText, first: number): string {
  return gapJoins(norm, first - 1, first) ? wordAt(norm, first - 1) : '';
}

/** The word after `last` when nothing but spaces separate them. */
function wordAfter(norm: NormalisedText, last: number): string {
  return gapJoins(norm, last, last + 1) ? wordAt(norm, last + 1) : '';
}

/** The original spelling of word `w`. */
function originalWord(norm: NormalisedText, w: number): string {
  const [start, end] = wordRange(norm, w);
  return norm.text.slice(start, end);
}

/** True when the name at words `first..last` names a street or square. */
export function namesStreet(norm: NormalisedText, first: number, last: number): boolean {
  return inList(wordAfter(norm, last), STREET_AFTER) || inList(wordBefore(norm, first), STREET_BEFORE);
}

/** True when the surname at words `first..last` names a family (Allahverənov ailəsi). */
export function namesFamily(norm: NormalisedText, last: number): boolean {
  return inList(wordAfter(norm, last), FAMILY_AFTER);
}

/**
 * True when a surname without a first name at words `first..last` reads as a woman's: a woman's
 * title stands next to it, or a Russian -ова form starts a clause and a feminine verb follows.
 * A genitive after a noun ("Дочь Аллахверанова заявила") stays the man's.
 */
export function namesWoman(norm: NormalisedText, first: number, last: number): boolean {
  if (inList(wordBefore(norm, first), WOMAN_BEFORE) || inList(wordAfter(norm, last), WOMAN_AFTER))
    return true;
  const surname = originalWord(norm, last).toLowerCase();
  if (!/[а-яё]а$/.test(surname) || last + 1 >= norm.wordCount || !gapJoins(norm, last, last + 1))
    return false;
  const before = norm.text.slice(Math.max(0, wordRange(norm, first)[0] - 40), wordRange(norm, first)[0]);
  return CLAUSE_START.test(before) && FEMININE_PAST.test(originalWord(norm, last + 1).toLowerCase());
}
