// Derives the forms a name takes in text from the one canonical spelling per language: endings by
// script (Azerbaijani suffixes on Latin words, Russian declension on Cyrillic ones), ə read as a or
// e, initials, and surname-first order.
import { azEndings, isDativeLikeFeminine } from './az-suffixes.ts';
import { skeletonWords } from './normalise-text.ts';
import { CYRILLIC_OK, DATIVE, LATIN_OK, type TokenSpec } from './pattern-trie.ts';
import {
  type Paradigm,
  RU_PREPOSITIONS,
  ruFirstNameParadigm,
  ruSurnameParadigm,
  ruWordParadigm,
} from './ru-declension.ts';

/** A word of a name as written, with its skeleton. */
export interface NameWord {
  sk: string;
  original: string;
}

const skeleton = (text: string): string =>
  skeletonWords(text)
    .map((w) => w.sk)
    .join('');
const isCyrillicWord = (word: string): boolean => /[\u0400-\u052f]/.test(word);

/** The words of a name or phrase as written. */
export const nameWords = (phrase: string): NameWord[] => skeletonWords(phrase);

/** Spellings of a word with each ə read as either e or a (Allahverənov, Allahveranov), at most eight. */
function schwaSpellings(word: string): string[] {
  let spellings = [''];
  for (const char of word) {
    const options = char === 'ə' ? ['ə', 'a'] : char === 'Ə' ? ['Ə', 'A'] : [char];
    spellings = spellings.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, 8);
  }
  return spellings;
}

/** Adds `ending` to `endings` when the skeleton of the inflected form extends the stem's skeleton. */
function addEnding(
  endings: Map<string, number>,
  stemText: string,
  stemSk: string,
  ending: string,
  flags: number,
): void {
  const full = skeleton(stemText + ending);
  if (!full.startsWith(stemSk)) return;
  const suffix = full.slice(stemSk.length);
  endings.set(suffix, (endings.get(suffix) ?? 0) | flags);
}

/**
 * A Latin-script word; with `inflect`, it takes the Azerbaijani endings. A `person` word takes no
 * plural, which names the family; a `surname` also flags the dative that looks feminine.
 */
export function latinToken(word: string, inflect: boolean, surname = false, person = false): TokenSpec[] {
  return schwaSpellings(word).map((spelling) => {
    const stem = skeleton(spelling);
    const endings = new Map<string, number>([['', LATIN_OK | CYRILLIC_OK]]);
    if (inflect) {
      for (const ending of azEndings(word, !person)) {
        const dative = surname && isDativeLikeFeminine(word, ending) ? DATIVE : 0;
        addEnding(endings, spelling, stem, ending, LATIN_OK | dative);
      }
    }
    return { stem, endings };
  });
}

/** A Cyrillic word declined by `paradigm`. */
export function cyrillicToken(paradigm: Paradigm): TokenSpec[] {
  const stem = skeleton(paradigm.stem);
  const endings = new Map<string, number>();
  for (const ending of paradigm.endings) {
    addEnding(endings, paradigm.stem, stem, ending, ending === '' ? LATIN_OK | CYRILLIC_OK : CYRILLIC_OK);
  }
  return stem ? [{ stem, endings }] : [];
}

/** A first name or surname in a person's name; Latin words take endings only in final position. */
export function personToken(word: string, role: 'first' | 'surname', final: boolean): TokenSpec[] {
  if (!isCyrillicWord(word)) return latinToken(word, final, role === 'surname' && final, true);
  return cyrillicToken(role === 'first' ? ruFirstNameParadigm(word) : ruSurnameParadigm(word));
}

/** The initial of a first name (А. or A.). */
export function initialToken(word: string): TokenSpec[] {
  const stem = skeleton(word.slice(0, 1));
  return stem ? [{ stem, endings: new Map([['', LATIN_OK | CYRILLIC_OK]]), initial: true }] : [];
}

/** A fixed word (patronymic, middle word) matched as written, in any of its ə spellings. */
export const fixedToken = (word: string): TokenSpec[] => latinToken(word, false);

/**
 * The slots of a phrase (organisation name or context words). Latin: endings on the last word, or on
 * every word with `inflectAll`. Cyrillic: the words before the first preposition decline.
 */
export function phraseSlots(phrase: string, inflectAll: boolean): TokenSpec[][] {
  const words = nameWords(phrase);
  let declining = true;
  return words.map((word, index) => {
    if (!isCyrillicWord(word.original))
      return latinToken(word.original, inflectAll || index === words.length - 1);
    if (RU_PREPOSITIONS.has(word.original.toLowerCase())) declining = false;
    return declining
      ? cyrillicToken(ruWordParadigm(word.original))
      : cyrillicToken({ stem: word.original, endings: [''] });
  });
}
