// Turns the roster into pattern specs and the per-entity facts the match rules need (first names,
// initials, whether the surname counts alone, context phrases).
import type { Roster, RosterOrganisation, RosterPerson } from '#shared/config/roster.ts';
import { hasCommonName, skeletonSet } from './common-names.ts';
import { FIRST_NAMES, TITLES } from './first-names.ts';
import {
  fixedToken,
  initialToken,
  latinToken,
  nameWords,
  personToken,
  phraseSlots,
} from './name-variants.ts';
import { NAMESAKE_MARKERS, type NamesakeReason, OWN_CONTEXT } from './namesake-markers.ts';
import { organisationFormSlots } from './organisation-forms.ts';
import type { PatternSpec, TokenSpec } from './pattern-trie.ts';

/** What the match rules know about one person or organisation. */
export interface EntityInfo {
  id: string;
  kind: 'person' | 'organisation';
  surnameAlone: boolean;
  /** Skeletons of the person's first names, in every script and ə spelling. */
  firstNames: Set<string>;
  initials: Set<string>;
  hasRequires: boolean;
  /** Namesake markers apply to this person (roster `commonName`, else the list of common names). */
  commonName: boolean;
  born?: number;
  /** Skeletons of the father's name in every spelling (roster `patronymic`). */
  fathers: Set<string>;
  /** The namesake rules have something to check for this person. */
  watch: boolean;
}

/** A context phrase and the entity whose matches it ties, enables or cancels. */
export interface ContextInfo {
  /** The entity, or -1 for the built-in phrases that apply to everyone. */
  entity: number;
  role: 'role' | 'requires' | 'excludes' | 'own' | 'namesake';
  /** For namesake markers: the reason a match they are attached to is cancelled. */
  reason?: NamesakeReason;
}

/** The roster compiled into specs and facts. */
export interface CompiledRoster {
  entities: EntityInfo[];
  contexts: ContextInfo[];
  specs: PatternSpec[];
  /** Skeletons of common first names, including every roster first name. */
  firstNameLexicon: Set<string>;
  titles: Set<string>;
}

const namesOf = (entry: RosterPerson | RosterOrganisation): string[] =>
  [entry.names.en, entry.names.az, entry.names.ru, ...entry.aliases].filter((n): n is string => Boolean(n));

const stemsOf = (tokens: TokenSpec[]): string[] => tokens.map((token) => token.stem);

function personSpecs(ref: number, name: string, surnameAlone: boolean): PatternSpec[] {
  const words = nameWords(name).map((word) => word.original);
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return [];
  if (words.length === 1) return [{ ref, kind: 'alias', slots: [personToken(first, 'surname', true)] }];
  const middle = words.slice(1, -1).map((word) => fixedToken(word));
  const specs: PatternSpec[] = [
    {
      ref,
      kind: 'full',
      slots: [personToken(first, 'first', false), ...middle, personToken(last, 'surname', true)],
      patronymicAfterFirst: true,
    },
    {
      ref,
      kind: 'surname-first',
      slots: [personToken(last, 'surname', false), personToken(first, 'first', true)],
    },
    {
      ref,
      kind: 'initial',
      slots: [initialToken(first), personToken(last, 'surname', true)],
      secondInitialAfterFirst: true,
    },
    { ref, kind: 'initial-after', slots: [personToken(last, 'surname', false), initialToken(first)] },
  ];
  if (middle.length > 0) {
    specs.push({
      ref,
      kind: 'full',
      slots: [personToken(first, 'first', false), personToken(last, 'surname', true)],
    });
  }
  if (surnameAlone) specs.push({ ref, kind: 'surname', slots: [personToken(last, 'surname', true)] });
  return specs;
}

function organisationSpecs(ref: number, name: string): PatternSpec[] {
  const specs: PatternSpec[] = [{ ref, kind: 'organisation', slots: phraseSlots(name, false) }];
  // Press releases drop the article ("Public Council under State Migration Service").
  const withoutArticle = name.replace(/\bthe\s+/gi, '');
  if (withoutArticle !== name)
    specs.push({ ref, kind: 'organisation', slots: phraseSlots(withoutArticle, false) });
  return specs;
}

/** Compiles the roster into pattern specs, entity facts and context phrases. */
export function compileRoster(roster: Roster): CompiledRoster {
  const entities: EntityInfo[] = [];
  const contexts: ContextInfo[] = [];
  const specs: PatternSpec[] = [];
  const firstNameLexicon = new Set(FIRST_NAMES.flatMap((name) => stemsOf(latinToken(name, false))));
  const addContexts = (entity: number, role: ContextInfo['role'], phrases: string[]): void => {
    for (const phrase of phrases) {
      specs.push({ ref: contexts.length, kind: 'context', slots: phraseSlots(phrase, true) });
      contexts.push({ entity, role });
    }
  };

  for (const person of roster.people) {
    const ref = entities.length;
    const names = namesOf(person);
    const firstWords = names
      .map((name) => nameWords(name))
      .filter((w) => w.length > 1)
      .map((w) => w[0]?.original ?? '');
    const firstNames = new Set(firstWords.flatMap((word) => stemsOf(personToken(word, 'first', false))));
    const initials = new Set(firstWords.flatMap((word) => stemsOf(initialToken(word))));
    for (const stem of firstNames) firstNameLexicon.add(stem);
    const commonName = person.commonName ?? hasCommonName(names);
    const fatherWord = person.patronymic ? (nameWords(person.patronymic)[0]?.original ?? '') : '';
    const fathers = skeletonSet(fatherWord ? [fatherWord] : []);
    const info: EntityInfo = {
      id: person.id,
      kind: 'person',
      surnameAlone: person.surnameAlone,
      firstNames,
      initials,
      hasRequires: person.requires.length > 0,
      commonName,
      ...(person.born === undefined ? {} : { born: person.born }),
      fathers,
      watch: commonName || fathers.size > 0,
    };
    entities.push(info);
    for (const name of names) specs.push(...personSpecs(ref, name, person.surnameAlone));
    addContexts(
      ref,
      'role',
      person.roleTerms.length > 0 ? person.roleTerms : person.role ? [person.role] : [],
    );
    addContexts(ref, 'requires', person.requires);
    addContexts(ref, 'excludes', person.excludes);
  }
  for (const organisation of roster.organisations) {
    const ref = entities.length;
    entities.push({
      id: organisation.id,
      kind: 'organisation',
      surnameAlone: false,
      firstNames: new Set(),
      initials: new Set(),
      hasRequires: organisation.requires.length > 0,
      commonName: false,
      fathers: new Set(),
      watch: false,
    });
    const names = namesOf(organisation);
    for (const name of names) specs.push(...organisationSpecs(ref, name));
    for (const slots of organisationFormSlots(names)) specs.push({ ref, kind: 'organisation', slots });
    addContexts(ref, 'requires', organisation.requires);
    addContexts(ref, 'excludes', organisation.excludes);
  }
  addContexts(-1, 'own', [...OWN_CONTEXT]);
  for (const [reason, phrases] of Object.entries(NAMESAKE_MARKERS)) {
    for (const phrase of phrases) {
      specs.push({ ref: contexts.length, kind: 'context', slots: phraseSlots(phrase, true) });
      contexts.push({ entity: -1, role: 'namesake', reason: reason as NamesakeReason });
    }
  }
  const titles = new Set(TITLES.flatMap((title) => stemsOf(latinToken(title, false))));
  return { entities, contexts, specs, firstNameLexicon, titles };
}
