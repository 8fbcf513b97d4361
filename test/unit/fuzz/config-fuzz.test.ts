// Property: the registry and roster loaders accept a file or answer a ConfigError that names it, for
// any JSON value, any corruption of the shipped files and any bytes on disk; a roster they accept
// compiles into a matcher that runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultOutletsPath, loadOutlets, parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster, parseRoster } from '#shared/config/roster.ts';
import { ConfigError } from '#shared/errors.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { mutated } from './fuzz-helpers.ts';

const outletsText = readFileSync(defaultOutletsPath, 'utf8');
const rosterText = readFileSync(defaultRosterPath, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'config-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `value` with the node reached by following `steps` (each picks a child) replaced by `replacement`. */
function corrupt(value: unknown, steps: number[], replacement: unknown): unknown {
  if (steps.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [step = 0, ...rest] = steps;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const index = step % value.length;
    return value.map((child, i) => (i === index ? corrupt(child, rest, replacement) : child));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[step % keys.length] as string;
  return { ...value, [key]: corrupt((value as Record<string, unknown>)[key], rest, replacement) };
}

/** Runs a loader: it returns, or throws a ConfigError naming the file; nothing else. */
async function acceptsOrConfigError<T>(load: () => T | Promise<T>, source: string): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    expect(error.message).toContain(source);
    return undefined;
  }
}

const corruption = (text: string) =>
  fc
    .tuple(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }))
    .map(([steps, replacement]) => corrupt(JSON.parse(text), steps, replacement));

describe('registry and roster loaders under arbitrary input', () => {
  it('parseOutlets answers a registry or a ConfigError for any JSON and any corrupted registry', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), corruption(outletsText)), async (value) => {
        await acceptsOrConfigError(() => parseOutlets(value, 'fuzz.json'), 'fuzz.json');
      }),
      { numRuns: 200 },
    );
  });

  it('parseRoster answers a roster or a ConfigError, and an accepted roster compiles and matches', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), corruption(rosterText)), async (value) => {
        const roster = await acceptsOrConfigError(() => parseRoster(value, 'roster.json'), 'roster.json');
        if (roster) compileMatcher(roster).match('Azər Allahverənov və Sahib Məmmədov', { lang: 'az' });
      }),
      { numRuns: 200 },
    );
  });

  it('loadOutlets and loadRoster answer a ConfigError for damaged files on disk', async () => {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(mutated(outletsText), mutated(rosterText), async (outlets, roster) => {
        const outletsPath = join(dir, `outlets-${index}.json`);
        const rosterPath = join(dir, `roster-${index++}.json`);
        writeFileSync(outletsPath, outlets);
        writeFileSync(rosterPath, roster);
        await acceptsOrConfigError(() => loadOutlets(outletsPath), outletsPath);
        await acceptsOrConfigError(() => loadRoster(rosterPath), rosterPath);
      }),
      { numRuns: 60 },
    );
  });
});
