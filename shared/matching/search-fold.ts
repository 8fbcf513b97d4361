// Search that folds text the way the matcher does (script, diacritics, dotted İ, doubled letters,
// transliteration digraphs), so "Allahverənov", "Allahveranov" and "Аллахверанов" find one another,
// and that recognises when the words typed name a roster member.
import type { Roster } from '../config/roster.ts';
import { skeletonWords } from './normalise-text.ts';

/** The folded words of a text, space separated with a space at each end, for substring search. */
export function searchSkeleton(text: string): string {
  const words = skeletonWords(text).map((word) => word.sk);
  return words.length > 0 ? ` ${words.join(' ')} ` : '';
}

/** The folded form of what a user typed, to look for inside `searchSkeleton` output. */
export function searchQuerySkeleton(query: string): string {
  return skeletonWords(query)
    .map((word) => word.sk)
    .join(' ');
}

/**
 * The roster members whose name, in any language or alias, contains every word typed, e.g.
 * "Allahverənov" names azer-allahveranov; an empty list when the words name no one.
 */
export function membersNamedBy(query: string, roster: Roster): string[] {
  const typed = skeletonWords(query).map((word) => word.sk);
  if (typed.length === 0) return [];
  const entries = [...roster.people, ...roster.organisations];
  return entries
    .filter((entry) => {
      const spellings = [...Object.values(entry.names ?? {}), ...(entry.aliases ?? [])].filter(Boolean);
      return spellings.some((spelling) => {
        const words = new Set(skeletonWords(String(spelling)).map((word) => word.sk));
        return typed.every((word) => words.has(word));
      });
    })
    .map((entry) => entry.id);
}
