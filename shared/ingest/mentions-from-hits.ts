// Folds matcher hits over an article's title and text into one mention per person or organisation,
// with every occurrence's offsets and a snippet that highlights them.
import { MENTION_EVIDENCE, type Snippet } from '../domain/mention.ts';
import type { MatchHit } from '../matching/index.ts';
import type { NewMention } from '../store/article-writes.ts';

/** Hits found in each field of one article. */
export interface FieldHits {
  title: MatchHit[];
  text: MatchHit[];
}

/**
 * One NewMention per entity, its snippet taken from the body when the body names it, else the title,
 * and its evidence the strongest any of its hits rests on.
 */
export function mentionsFromHits(hits: FieldHits): NewMention[] {
  const byEntity = new Map<string, NewMention>();
  for (const field of ['text', 'title'] as const) {
    for (const hit of hits[field]) {
      const existing = byEntity.get(hit.entityId);
      const span = { field, start: hit.start, end: hit.end, surface: hit.surface };
      if (existing) {
        existing.spans.push(span);
        if (rank(hit.evidence) < rank(existing.evidence)) existing.evidence = hit.evidence;
        continue;
      }
      byEntity.set(hit.entityId, {
        entityId: hit.entityId,
        entityKind: hit.entityKind,
        spans: [span],
        snippet: snippetOf(hit, hits[field]),
        evidence: hit.evidence,
      });
    }
  }
  return [...byEntity.values()];
}

const rank = (evidence: string | undefined): number =>
  MENTION_EVIDENCE.indexOf(evidence as (typeof MENTION_EVIDENCE)[number]) >>> 0;

/** The hit's snippet, highlighting every hit of the same field that falls inside it. */
function snippetOf(anchor: MatchHit, fieldHits: MatchHit[]): Snippet {
  const snippetEnd = anchor.snippetStart + anchor.snippet.length;
  const highlights = fieldHits
    .filter((hit) => hit.start >= anchor.snippetStart && hit.end <= snippetEnd)
    .map((hit): [number, number] => [hit.start - anchor.snippetStart, hit.end - anchor.snippetStart]);
  return { text: anchor.snippet, highlights };
}
