// A key shared by the same story told by different outlets, for grouping without pairwise scoring.
//
// Choice: a sorted set of stemmed title tokens, hashed. Outlets reword little when they run the same
// agency story (APA, Report and Trend often carry the same AZERTAC line), but they change word order,
// punctuation, quotes and Azerbaijani/Russian case endings. So tokens are folded (ə→e, ё→е, ...),
// cut to their first 6 letters (a crude stemmer for agglutinative endings: "Allahverənovun" and
// "Allahverənov" agree), stop words and 1-2 letter tokens dropped, de-duplicated and sorted, which
// makes the key insensitive to order and inflection. A simhash would tolerate one changed word but
// needs Hamming-distance lookups to group; an equality key works as a plain index attribute.
import { createHash } from 'node:crypto';

const fold: Record<string, string> = {
  ə: 'e',
  ı: 'i',
  ö: 'o',
  ü: 'u',
  ğ: 'g',
  ş: 's',
  ç: 'c',
  ё: 'е',
  й: 'и',
};
const stopWords = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'that',
  'this',
  'has',
  'was',
  'are',
  'will',
  'ile',
  'və',
  've',
  'bu',
  'olan',
  'üçün',
  'ucun',
  'daha',
  'edib',
  'olub',
  'и',
  'в',
  'на',
  'по',
  'с',
  'что',
  'для',
  'это',
  'как',
  'из',
  'не',
  'за',
]);

/** Tokens of a text, lower-cased, folded and stemmed, stop words dropped. */
export function storyTokens(text: string): string[] {
  return text
    .toLocaleLowerCase('tr')
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 2 && !stopWords.has(t))
    .map((t) =>
      [...t]
        .map((c) => fold[c] ?? c)
        .join('')
        .slice(0, 6),
    );
}

/** The grouping key of a story: 16 hex chars from its title (the text's opening when the title is thin). */
export function storyKey(title: string, text = ''): string {
  let tokens = storyTokens(title);
  if (tokens.length < 3) tokens = [...tokens, ...storyTokens(text).slice(0, 12)];
  const set = [...new Set(tokens)].sort();
  return createHash('sha256').update(set.join(' ')).digest('hex').slice(0, 16);
}

/** Jaccard similarity of two titles' token sets, for a finer check within one key or day. */
export function storySimilarity(a: string, b: string): number {
  const x = new Set(storyTokens(a));
  const y = new Set(storyTokens(b));
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}
