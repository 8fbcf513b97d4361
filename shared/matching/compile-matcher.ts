// The matcher: the roster compiled once into a word trie, then one pass per text for everyone on it.
import type { Roster } from '#shared/config/roster.ts';
import { checkHits } from './match-rules.ts';
import { normaliseText } from './normalise-text.ts';
import { buildPatternIndex } from './pattern-trie.ts';
import { compileRoster } from './roster-patterns.ts';
import { snippetAround } from './snippet.ts';
import { findRawHits } from './word-walk.ts';

/** One mention of a roster entity in a text. */
export interface MatchHit {
  entityId: string;
  entityKind: 'person' | 'organisation';
  /** UTF-16 offset of the first character, as JavaScript counts. */
  start: number;
  /** UTF-16 offset after the last character. */
  end: number;
  /** `text.slice(start, end)`. */
  surface: string;
  /** `text.slice(snippetStart, snippetStart + snippet.length)`: about 160 characters around the hit. */
  snippet: string;
  snippetStart: number;
}

/** Options of one match call. */
export interface MatchOptions {
  /** The text's language, if known; only Azerbaijani changes how a hit is read. */
  lang?: 'en' | 'az' | 'ru';
}

/** A compiled roster. */
export interface Matcher {
  match(text: string, options?: MatchOptions): MatchHit[];
}

const KIND_RANK = ['full', 'surname-first', 'organisation', 'initial', 'initial-after', 'alias', 'surname'];

/** Compiles a roster into a matcher that finds all its people and organisations in one pass. */
export function compileMatcher(roster: Roster): Matcher {
  const compiled = compileRoster(roster);
  const index = buildPatternIndex(compiled.specs);
  return {
    match(text, options = {}) {
      const norm = normaliseText(text);
      const raw = findRawHits(norm, index);
      if (raw.length === 0) return [];
      const azText = options.lang ? options.lang === 'az' : /[əƏ]/.test(text);
      const checked = checkHits(norm, raw, compiled, azText);
      // Overlapping hits: the longest wins, then the most specific form.
      checked.sort(
        (a, b) =>
          b.end - b.start - (a.end - a.start) ||
          KIND_RANK.indexOf(a.kind) - KIND_RANK.indexOf(b.kind) ||
          a.start - b.start,
      );
      const kept: typeof checked = [];
      for (const hit of checked) {
        if (!kept.some((other) => other.start < hit.end && hit.start < other.end)) kept.push(hit);
      }
      kept.sort((a, b) => a.start - b.start);
      return kept.map((hit) => {
        const info = compiled.entities[hit.entity];
        return {
          entityId: info?.id ?? '',
          entityKind: info?.kind ?? 'person',
          start: hit.start,
          end: hit.end,
          surface: text.slice(hit.start, hit.end),
          ...snippetAround(text, hit.start, hit.end),
        };
      });
    },
  };
}
