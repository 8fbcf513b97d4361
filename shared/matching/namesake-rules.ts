// Tells a member from a namesake by what the text says about the person: markers of another life
// attached to the name (same sentence or the next or previous one, or anywhere in a profile whose
// subject the name is), a birth year, age or patronymic that cannot be the member's. The member's
// own context (the council, the Service, the role terms, another member) wins when nearer the name.
import { type Evidence, lifeSpanAfter, wrongBirth, wrongPatronymic } from './life-facts.ts';
import type { NormalisedText } from './normalise-text.ts';
import type { CompiledRoster } from './roster-patterns.ts';
import { Sentences } from './sentences.ts';

/** A mention candidate that passed the per-hit rules. */
export interface NamedHit {
  entity: number;
  kind: string;
  start: number;
  end: number;
  firstWord: number;
  lastWord: number;
}

/** A context phrase found in the text. */
export interface ContextSpan {
  ref: number;
  start: number;
  end: number;
}

/** A hit cancelled as a namesake, with the evidence that cancelled it. */
export interface CancelledHit<T extends NamedHit> {
  hit: T;
  evidence: Evidence;
}

const gap = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, a.start - b.end, b.start - a.end);

/** True when another capitalised name follows the marker (footballer Rashad Sadigov): it describes that one. */
function describesAnother(text: string, marker: Evidence, hit: NamedHit): boolean {
  const after = /^[ \t\u00a0]+(?=\p{Lu}\p{Ll}+[ \u00a0]+\p{Lu}\p{Ll})/u.exec(
    text.slice(marker.end, marker.end + 60),
  );
  if (!after) return false;
  const next = marker.end + after[0].length;
  return next < hit.start || next >= hit.end;
}

// Words that open a reported clause: a marker after them speaks of what was said, not of the speaker.
const REPORTING =
  /(?<!\p{L})(said|says|told|stated|noted|that|according|ki|bildirib|bildirdi|dedi|deyib|qeyd edib|что|сказал|заявил|отметил|сообщил)(?!\p{L})/iu;

/** Splits candidates into kept hits and hits cancelled as namesakes. */
export function sortOutNamesakes<T extends NamedHit>(
  norm: NormalisedText,
  hits: T[],
  contexts: ContextSpan[],
  roster: CompiledRoster,
  year: number,
): { kept: T[]; cancelled: CancelledHit<T>[] } {
  // A hit inside a longer one (the surname of a full name) shares its fate: the longer one wins anyway.
  hits = hits.filter(
    (hit) =>
      !hits.some(
        (other) =>
          other.start <= hit.start && hit.end <= other.end && other.end - other.start > hit.end - hit.start,
      ),
  );
  const watched = hits.filter((hit) => roster.entities[hit.entity]?.watch);
  if (watched.length === 0) return { kept: hits, cancelled: [] };
  const { text } = norm;
  const markers: Evidence[] = [];
  const own: ContextSpan[] = [];
  for (const span of contexts) {
    const info = roster.contexts[span.ref];
    if (info?.reason) markers.push({ start: span.start, end: span.end, reason: info.reason });
    else if (info?.role === 'own') own.push(span);
  }
  for (const hit of hits)
    if (roster.entities[hit.entity]?.kind === 'organisation') own.push({ ref: -1, ...hit });
  const sentences = new Sentences(text);

  const ownContext = (hit: T): ContextSpan[] => [
    ...own,
    ...contexts.filter(
      (span) =>
        roster.contexts[span.ref]?.role === 'role' && roster.contexts[span.ref]?.entity === hit.entity,
    ),
  ];
  const against = new Map<T, Evidence>();
  for (const hit of watched) {
    const info = roster.entities[hit.entity];
    if (!info) continue;
    const found: Evidence[] = [];
    if (info.fathers.size > 0) {
      const wrong = wrongPatronymic(
        norm,
        hit.firstWord,
        hit.lastWord,
        hit.kind === 'surname-first',
        info.fathers,
      );
      if (wrong) found.push(wrong);
    }
    const hasOwn = ownContext(hit).length > 0;
    if (info.commonName && (markers.length > 0 || info.born !== undefined || text.includes('(', hit.end))) {
      const here = sentences.indexOf(hit.start);
      const ownHits = hits.filter((other) => other.entity === hit.entity);
      const profile = !hasOwn && sentences.indexOf(ownHits[0]?.start ?? hit.start) === 0;
      // A marker in the sentence before or after counts unless that sentence names someone else.
      const attached = (marker: Evidence): boolean => {
        if (describesAnother(text, marker, hit)) return false;
        const there = sentences.indexOf(marker.start);
        if (there === here)
          return marker.start < hit.end || !REPORTING.test(text.slice(hit.end, marker.start));
        if (!profile && Math.abs(there - here) > 1) return false;
        return !sentences.namesSomeoneElse(there, [...ownHits, marker]);
      };
      for (const marker of markers) if (attached(marker)) found.push(marker);
      const span = lifeSpanAfter(text, hit.end);
      if (span) found.push(span);
      if (info.born !== undefined) {
        const [from, to] = sentences.range(here - 1, here + 1);
        found.push(...wrongBirth(text, from, to, info.born, year));
      }
    }
    if (found.length === 0) continue;
    const nearest = found.reduce((best, item) => (gap(item, hit) < gap(best, hit) ? item : best));
    against.set(hit, nearest);
  }
  if (against.size === 0) return { kept: hits, cancelled: [] };

  // The member's own context nearer to the name than the evidence against it keeps the match;
  // another member's name counts too, unless that match is itself cancelled.
  const cancelled = new Set<T>();
  for (const [hit, evidence] of against) {
    const limit = gap(evidence, hit);
    if (evidence.reason === 'patronymic' || !ownContext(hit).some((span) => gap(span, hit) <= limit))
      cancelled.add(hit);
  }
  // Two members next to each other vouch for each other when each is nearer the other than its marker.
  const vouches = (other: T, hit: T): boolean => {
    if (other.entity === hit.entity || roster.entities[other.entity]?.kind !== 'person') return false;
    const otherEvidence = against.get(other);
    return (
      !cancelled.has(other) || (otherEvidence !== undefined && gap(other, hit) <= gap(otherEvidence, other))
    );
  };
  const restored = [...cancelled].filter((hit) => {
    const evidence = against.get(hit) as Evidence;
    return (
      evidence.reason !== 'patronymic' &&
      hits.some((other) => vouches(other, hit) && gap(other, hit) <= gap(evidence, hit))
    );
  });
  for (const hit of restored) cancelled.delete(hit);
  return {
    kept: hits.filter((hit) => !cancelled.has(hit)),
    cancelled: [...cancelled].map((hit) => ({ hit, evidence: against.get(hit) as Evidence })),
  };
}
