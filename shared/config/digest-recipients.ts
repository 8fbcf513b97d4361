// Who receives the weekly digest (`config/digest.json`): address, language, and the members each
// reader follows (all when omitted). Validated like the outlet registry and the roster.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { ConfigError } from '#shared/errors.ts';
import { configErrorFrom } from './config-issues.ts';
import type { Roster } from './roster.ts';

/** The recipients file shipped with the repository, used when DIGEST_FILE is not set. */
export const defaultDigestPath: string = fileURLToPath(new URL('../../config/digest.json', import.meta.url));

/** The languages a digest is written in. */
export const digestLanguages = ['az', 'en', 'ru'] as const;
/** One of {@link digestLanguages}. */
export type DigestLanguage = (typeof digestLanguages)[number];

const recipientSchema = z.strictObject({
  address: z.email({ error: 'must be an e-mail address such as press@example.org' }),
  language: z.enum(digestLanguages, { error: 'must be one of az, en, ru' }),
  /** Ids of the roster's people and organisations this reader follows. @default every member */
  members: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a roster id'))
    .min(1, 'must list at least one member, or be left out to follow all')
    .optional(),
});

const digestFileSchema = z.strictObject({
  $schema: z.string().optional(),
  recipients: z.array(recipientSchema),
});

/** A validated recipients file. */
export type DigestConfig = z.infer<typeof digestFileSchema>;
/** One reader of the digest. */
export type DigestRecipient = DigestConfig['recipients'][number];

/** Validates a parsed JSON value; `source` names the file, `roster` checks the member ids. */
export function parseDigestConfig(value: unknown, source: string, roster: Roster): DigestConfig {
  const result = digestFileSchema.safeParse(value);
  if (!result.success) throw configErrorFrom(source, result.error);
  const known = new Set([...roster.people, ...roster.organisations].map((entry) => entry.id));
  const seen = new Set<string>();
  for (const [index, recipient] of result.data.recipients.entries()) {
    const address = recipient.address.toLowerCase();
    if (seen.has(address)) {
      throw new ConfigError(`${source}: recipients[${index}].address: duplicate address "${address}"`);
    }
    seen.add(address);
    for (const [position, member] of (recipient.members ?? []).entries()) {
      if (!known.has(member)) {
        throw new ConfigError(
          `${source}: recipients[${index}].members[${position}]: "${member}" is not in the roster`,
        );
      }
    }
  }
  return result.data;
}

/** Reads and validates a recipients file. */
export function loadDigestConfig(path: string, roster: Roster): DigestConfig {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    const reason = cause instanceof SyntaxError ? 'not valid JSON' : 'cannot read the recipients file';
    throw new ConfigError(`${path}: ${reason} (${(cause as Error).message})`, { cause });
  }
  return parseDigestConfig(value, path, roster);
}

/** The recipients file to use: the flag, else DIGEST_FILE, else the shipped default. */
export function resolveDigestPath(flag?: string): string {
  const chosen = flag?.trim() || process.env.DIGEST_FILE?.trim();
  return chosen ? resolve(chosen) : defaultDigestPath;
}
