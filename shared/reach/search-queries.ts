// Turns the roster into news-search queries: one per person and language, the canonical name in
// quotes so the engine looks for the phrase, plus each organisation's names (the council itself).
import type { Roster } from '../config/roster.ts';

/** One query of a search source: what to ask and whom it is about. */
export interface SearchQuery {
  /** The roster id the query was built from; a lead found through it names this id. */
  subjectId: string;
  subjectKind: 'person' | 'organisation';
  language: 'en' | 'az' | 'ru';
  /** The text sent to the engine, quotes included. */
  query: string;
}

const languages = ['en', 'az', 'ru'] as const;

/** Every query for `language`: each person's and organisation's canonical name in that language. */
export function queriesFor(roster: Roster, language: string): SearchQuery[] {
  const lang = languages.find((l) => l === language);
  if (!lang) return [];
  const entries = [
    ...roster.people.map((p) => ({ id: p.id, kind: 'person' as const, name: p.names[lang] })),
    ...roster.organisations.map((o) => ({ id: o.id, kind: 'organisation' as const, name: o.names[lang] })),
  ];
  return entries.flatMap(({ id, kind, name }) =>
    name ? [{ subjectId: id, subjectKind: kind, language: lang, query: `"${name.replace(/"/g, '')}"` }] : [],
  );
}

/** The search URL of a template: `{query}` replaced by the percent-encoded query (RFC 3986 §2.1). */
export function searchUrl(template: string, query: string): string {
  return template.replace(/\{query\}|%7Bquery%7D/g, encodeURIComponent(query));
}
