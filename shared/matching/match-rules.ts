// The rules that turn raw pattern hits into mentions: namesakes, URLs, initials tied to the member,
// the Azerbaijani dative that looks feminine, streets, families and women of the same surname, and
// the roster's requires/excludes phrases.
import type { MentionEvidence } from '#shared/domain/mention.ts';
import { namesFamily, namesStreet, namesWoman } from './built-in-contexts.ts';
import { type CancelledHit, sortOutNamesakes } from './namesake-rules.ts';
import { type NormalisedText, wordRange, wordText } from './normalise-text.ts';
import type { CompiledRoster, EntityInfo } from './roster-patterns.ts';
import { dotAfter, gapJoins, isPatronymicWord, type RawHit } from './word-walk.ts';

/** What a mention rests on (see MENTION_EVIDENCE). */
export type MatchEvidence = MentionEvidence;

/** A raw hit that passed the per-hit rules, with its offsets in the original text. */
export interface CheckedHit {
  entity: number;
  kind: RawHit['terminal']['kind'];
  start: number;
  end: number;
  firstWord: number;
  lastWord: number;
  evidence: MatchEvidence;
}

const EVIDENCE: Partial<Record<RawHit['terminal']['kind'], MatchEvidence>> = {
  surname: 'surname',
  alias: 'alias',
  // A distinctive surname after an initial counts on the surname's strength.
  initial: 'surname',
  'initial-after': 'surname',
};

/** How far (UTF-16 units) a role phrase or an exclusion may stand from the name it applies to. */
const NEAR = 150;
const URL_CHUNK =
  /:\/\/|(^|[^\p{L}])www\.|[\p{L}\d-]+\.(az|com|ru|org|net|info|gov|edu|io|news|tv|me|uk|de|co)([/:?#]|$)|@/iu;
const CHUNK_EDGE = /[\s<>"'()[\]{}«»]/;

/** True when the hit sits inside a URL, an e-mail address or a social handle. */
function insideUrl(text: string, start: number, end: number): boolean {
  let from = start;
  let to = end;
  while (from > 0 && start - from < 300 && !CHUNK_EDGE.test(text[from - 1] ?? ' ')) from--;
  while (to < text.length && to - end < 300 && !CHUNK_EDGE.test(text[to] ?? ' ')) to++;
  return URL_CHUNK.test(text.slice(from, to));
}

/** True when word `w` reads as a first name other than the person's own. */
function isOtherFirstName(
  norm: NormalisedText,
  w: number,
  info: EntityInfo,
  roster: CompiledRoster,
  before: boolean,
): boolean {
  const word = wordText(norm, w);
  const [start, end] = wordRange(norm, w);
  const original = norm.text.slice(start, end);
  const char = original[0] ?? '';
  if (char === char.toLowerCase()) return false;
  const own = [...info.firstNames].some((name) => word.startsWith(name) && word.length - name.length <= 3);
  if (own) return false;
  for (let cut = 0; cut <= 3 && word.length - cut >= 3; cut++) {
    if (roster.firstNameLexicon.has(word.slice(0, word.length - cut))) return true;
  }
  if (!before || word.length < 3 || roster.titles.has(word)) return false;
  // A capitalised word inside a sentence, right before the surname, is taken as someone's first name.
  const lead = norm.text.slice(Math.max(0, start - 3), start).trimEnd();
  return lead !== '' && !/[.!?:;"«“(\n]$/.test(lead) && original !== original.toUpperCase();
}

/** True when another first name, initial or patronymic is attached to a lone surname. */
function hasForeignName(
  norm: NormalisedText,
  hit: RawHit,
  info: EntityInfo,
  roster: CompiledRoster,
): boolean {
  const prev = hit.firstWord - 1;
  if (gapJoins(norm, prev, hit.firstWord)) {
    if (dotAfter(norm, prev)) return !info.initials.has(wordText(norm, prev));
    if (isPatronymicWord(wordText(norm, prev))) return true;
    if (isOtherFirstName(norm, prev, info, roster, true)) return true;
  }
  const next = hit.lastWord + 1;
  if (!gapJoins(norm, hit.lastWord, next)) return false;
  if (dotAfter(norm, next)) return !info.initials.has(wordText(norm, next));
  return isOtherFirstName(norm, next, info, roster, false);
}

const NEEDS_BARE_CHECK = new Set(['surname', 'alias', 'initial', 'initial-after']);

/** Applies every rule to the raw hits; hits of context phrases only inform the others. */
export function checkHits(
  norm: NormalisedText,
  raw: RawHit[],
  roster: CompiledRoster,
  azText: boolean,
  year: number,
): { accepted: CheckedHit[]; cancelled: CancelledHit<CheckedHit>[] } {
  const span = (hit: RawHit): [number, number] => [
    wordRange(norm, hit.firstWord)[0],
    wordRange(norm, hit.lastWord)[1],
  ];
  const contextHits = raw.filter((hit) => hit.terminal.kind === 'context');
  const near = (entity: number, role: string, start: number, end: number): boolean =>
    contextHits.some((hit) => {
      const context = roster.contexts[hit.terminal.ref];
      if (context?.entity !== entity || context.role !== role) return false;
      const [from, to] = span(hit);
      return role === 'requires' || (to >= start - NEAR && from <= end + NEAR);
    });

  const accepted: CheckedHit[] = [];
  const pendingTies: CheckedHit[] = [];
  // A street named with the full name (проспект Азера Аллахверанова) also cancels the surname in it.
  const streets: [number, number][] = [];
  for (const hit of raw) {
    const { kind, ref } = hit.terminal;
    const info = roster.entities[ref];
    if (kind === 'context' || !info) continue;
    const [start, end] = span(hit);
    if (insideUrl(norm.text, start, end)) continue;
    if (info.hasRequires && !near(ref, 'requires', start, end)) continue;
    if (near(ref, 'excludes', start, end)) continue;
    const bare = NEEDS_BARE_CHECK.has(kind);
    if (info.kind === 'person' && namesStreet(norm, hit.firstWord, hit.lastWord)) {
      streets.push([start, end]);
      continue;
    }
    if (bare && hasForeignName(norm, hit, info, roster)) continue;
    if (bare && (namesFamily(norm, hit.lastWord) || namesWoman(norm, hit.firstWord, hit.lastWord))) continue;
    // Məmmədova after no first name reads as the feminine surname unless the text is Azerbaijani.
    if (hit.dative && bare && !azText && !/[əƏ]/.test(norm.text.slice(start, end))) continue;
    const evidence = EVIDENCE[kind] ?? 'full-name';
    const checked = {
      entity: ref,
      kind,
      start,
      end,
      firstWord: hit.firstWord,
      lastWord: hit.lastWord,
      evidence,
    };
    if ((kind === 'initial' || kind === 'initial-after') && !info.surnameAlone) pendingTies.push(checked);
    else accepted.push(checked);
  }
  // An initial with a common surname counts only when the text names the member in full, names a
  // roster organisation (whose matcher refuses other bodies' councils), or has one of the member's
  // role terms near it; the roster keeps those specific to the council ("Miqrasiya Xidməti", "ГМС").
  const organisationNamed = accepted.some((other) => roster.entities[other.entity]?.kind === 'organisation');
  for (const hit of pendingTies) {
    const named = accepted.some(
      (other) => other.entity === hit.entity && (other.kind === 'full' || other.kind === 'surname-first'),
    );
    if (named) accepted.push({ ...hit, evidence: 'initial-full-name' });
    else if (organisationNamed || near(hit.entity, 'role', hit.start, hit.end))
      accepted.push({ ...hit, evidence: 'initial-role' });
  }
  const named = accepted.filter((hit) => !streets.some(([from, to]) => from <= hit.start && hit.end <= to));
  const contexts = contextHits.map((hit) => {
    const [start, end] = span(hit);
    return { ref: hit.terminal.ref, start, end };
  });
  const { kept, cancelled } = sortOutNamesakes(norm, named, contexts, roster, year);
  return { accepted: kept, cancelled };
}
