// The roster: the council's people and the council itself, each named once per language. The matcher
// derives inflected, transliterated and reordered forms from these names, so the file stays short.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { ConfigError } from '#shared/errors.ts';
import { configErrorFrom } from './config-issues.ts';
import { fileReadReason } from './file-read-reason.ts';

/** The roster shipped with the repository, used when neither `--roster` nor `ROSTER_FILE` is set. */
export const defaultRosterPath: string = fileURLToPath(new URL('../../config/roster.json', import.meta.url));

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
const phrase = z.string().trim().min(1, 'must not be empty');
const phrases = z.array(phrase).default([]);

const namesSchema = z
  .strictObject({ en: phrase.optional(), az: phrase.optional(), ru: phrase.optional() })
  .refine((names) => Boolean(names.en || names.az || names.ru), 'needs at least one of en, az, ru');

const personSchema = z.strictObject({
  id,
  role: phrase.optional(),
  names: namesSchema,
  /** Extra spellings, inflected like the names; a one-word alias counts on its own. */
  aliases: phrases,
  /** The surname is distinctive enough to count without a first name. @default false */
  surnameAlone: z.boolean().default(false),
  /** Context words of which at least one must appear in the text for any match to count. */
  requires: phrases,
  /** Phrases (namesakes, streets) that cancel a match they overlap or stand near. */
  excludes: phrases,
  /**
   * Phrases that tie an initial and a common surname to this person when near it, e.g. "Miqrasiya
   * Xidməti" or "ГМС". Keep them specific to the body: a generic "İctimai Şura" or "member" would tie
   * a namesake on another body's council. Naming the member in full or a roster organisation anywhere
   * in the text also ties.
   */
  roleTerms: phrases,
  /**
   * The name is common enough that namesakes appear in the news, so phrases describing someone else
   * (poet, footballer, obituary, "namesake") cancel a match. Defaults to whether the first name or
   * surname is on the matcher's list of the most frequent Azerbaijani names.
   */
  commonName: z.boolean().optional(),
  /** Year of birth: a text giving another birth year or an age that does not fit names someone else. */
  born: z.number().int().min(1900).max(2100).optional(),
  /** The father's first name (Malik, or "Malik oğlu"): another patronymic names someone else. */
  patronymic: phrase.optional(),
});

const organisationSchema = z.strictObject({
  id,
  names: namesSchema,
  aliases: phrases,
  requires: phrases,
  excludes: phrases,
});

/** The roster file's schema; only `id` and `names` are required for each entry. */
export const rosterSchema = z.strictObject({
  $schema: z.string().optional(),
  people: z.array(personSchema).default([]),
  organisations: z.array(organisationSchema).default([]),
});

/** A validated roster. */
export type Roster = z.infer<typeof rosterSchema>;
/** One person of the roster. */
export type RosterPerson = Roster['people'][number];
/** One organisation of the roster. */
export type RosterOrganisation = Roster['organisations'][number];

/** Validates a parsed JSON value as a roster; `source` names the file in error messages. */
export function parseRoster(value: unknown, source: string): Roster {
  const result = rosterSchema.safeParse(value);
  if (!result.success) {
    throw configErrorFrom(source, result.error);
  }
  const seen = new Set<string>();
  const entries = [
    ...result.data.people.map((entry, i) => ({ entry, path: `people[${i}].id` })),
    ...result.data.organisations.map((entry, i) => ({ entry, path: `organisations[${i}].id` })),
  ];
  for (const { entry, path } of entries) {
    // Mentions are stored under the id, so a person and an organisation may not share one either.
    if (seen.has(entry.id)) throw new ConfigError(`${source}: ${path}: duplicate id "${entry.id}"`);
    seen.add(entry.id);
  }
  return result.data;
}

/** Reads and validates a roster file. */
export function loadRoster(path: string): Roster {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ConfigError(`${path}: cannot read the roster: ${fileReadReason(cause)}`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${path}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  return parseRoster(value, path);
}

/** The roster file to use: the `--roster` flag, else `ROSTER_FILE`, else the shipped default. */
export function resolveRosterPath(flag?: string): string {
  const chosen = flag?.trim() || process.env.ROSTER_FILE?.trim();
  return chosen ? resolve(chosen) : defaultRosterPath;
}
