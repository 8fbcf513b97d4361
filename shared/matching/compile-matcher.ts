// The matcher: the roster compiled once into a word trie, then one pass per text for everyone on it.
import type { Roster } from '#shared/config/roster.ts';
import { type CheckedHit, checkHits, type MatchEvidence } from './match-rules.ts';
import type { NamesakeReason } from './namesake-markers.ts';
import { normaliseText } from './normalise-text.ts';
import { buildPatternIndex } from './pattern-trie.ts';
import { type CompiledRoster, compileRoster } from './roster-patterns.ts';
import { snippetAround } from './snippet.ts';
import { findRawHits } from './word-walk.ts';

export type { MatchEvidence, NamesakeReason };

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
  /** What the mention rests on. */
  evidence: MatchEvidence;
}

/**
 * A member's name that the text shows to be someone else's: a lead for PR staff, counted nowhere.
 * `evidence` is what the match would have rested on, had it been confirmed.
 */
export interface CancelledMatch extends MatchHit {
  /** Why, as "<code>: <the words that said so>", e.g. "profession: şairi". */
  reason: string;
  reasonCode: NamesakeReason;
}

/** Options of one match call. */
export interface MatchOptions {
  /** The text's language, if known; only Azerbaijani changes how a hit is read. */
  lang?: 'en' | 'az' | 'ru';
  /** The year ages in the text are counted from; the current year by default. */
  year?: number;
}

/** The mentions of a text and the matches cancelled as namesakes. */
export interface MatchResult {
  mentions: MatchHit[];
  leads: CancelledMatch[];
}

/** A compiled roster. */
export interface Matcher {
  /** The mentions in a text. */
  match(text: string, options?: MatchOptions): MatchHit[];
  /** The mentions in a text and, beside them, the matches cancelled as namesakes. */
  matchWithLeads(text: string, options?: MatchOptions): MatchResult;
}

const KIND_RANK = ['full', 'surname-first', 'organisation', 'initial', 'initial-after', 'alias', 'surname'];

/** Overlapping hits: the longest wins, then the most specific form; `taken` spans are already used. */
function resolveOverlaps<T extends CheckedHit>(hits: T[], taken: CheckedHit[] = []): T[] {
  const sorted = [...hits].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      KIND_RANK.indexOf(a.kind) - KIND_RANK.indexOf(b.kind) ||
      a.start - b.start,
  );
  const kept: T[] = [];
  for (const hit of sorted) {
    const overlaps = (other: CheckedHit): boolean => other.start < hit.end && hit.start < other.end;
    if (!kept.some(overlaps) && !taken.some(overlaps)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function analyse(
  text: string,
  options: MatchOptions,
  compiled: CompiledRoster,
  index: ReturnType<typeof buildPatternIndex>,
): MatchResult {
  const norm = normaliseText(text);
  const raw = findRawHits(norm, index);
  if (raw.length === 0) return { mentions: [], leads: [] };
  const azText = options.lang ? options.lang === 'az' : /[əƏ]/.test(text);
  const year = options.year ?? new Date().getUTCFullYear();
  const { accepted, cancelled } = checkHits(norm, raw, compiled, azText, year);
  const kept = resolveOverlaps(accepted);
  const base = (hit: CheckedHit) => {
    const info = compiled.entities[hit.entity];
    return {
      entityId: info?.id ?? '',
      entityKind: info?.kind ?? 'person',
      start: hit.start,
      end: hit.end,
      surface: text.slice(hit.start, hit.end),
      ...snippetAround(text, hit.start, hit.end),
    };
  };
  const mentions = kept.map((hit) => ({ ...base(hit), evidence: hit.evidence }));
  const evidenceOf = new Map(cancelled.map(({ hit, evidence }) => [hit, evidence]));
  const leads = resolveOverlaps(
    cancelled.map(({ hit }) => hit),
    kept,
  ).map((hit) => {
    const evidence = evidenceOf.get(hit);
    const code = evidence?.reason ?? 'namesake';
    const words = evidence ? text.slice(evidence.start, evidence.end) : '';
    const reason = `${code}: ${words.replace(/\s+/g, ' ').trim()}`;
    return { ...base(hit), evidence: hit.evidence, reason, reasonCode: code };
  });
  return { mentions, leads };
}

/** Compiles a roster into a matcher that finds all its people and organisations in one pass. */
export function compileMatcher(roster: Roster): Matcher {
  const compiled = compileRoster(roster);
  const index = buildPatternIndex(compiled.specs);
  return {
    match: (text, options = {}) => analyse(text, options, compiled, index).mentions,
    matchWithLeads: (text, options = {}) => analyse(text, options, compiled, index),
  };
}
