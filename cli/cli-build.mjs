// Builds the operator CLI to JavaScript once (esbuild, as the functions are built), so a command
// does not compile TypeScript at every start. Each command stays its own chunk, loaded only when it
// runs. The output sits two folders below the repository root, as the sources do, so paths that
// modules resolve from import.meta.url (config/, .local/) still point into the repository.
// `node cli/cli-build.mjs` builds; the launcher (tracker-launcher.mjs) calls buildCli() when stale.
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trimSourceMap } from './source-map-trim.mjs';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the built CLI lives (git-ignored). */
export const outDir = join(root, '.build', 'cli');
/** The list of source files the build read, with the build's time, for the staleness check. */
export const inputsFile = join(outDir, 'inputs.json');
/** Files whose change means a rebuild besides the bundled sources: this script and the installed packages. */
export const extraInputs = [
  'cli/cli-build.mjs',
  'cli/source-map-trim.mjs',
  'node_modules/.package-lock.json',
];

/** True when the build recorded in `record` is missing or any of its inputs (relative to `base`) changed after it. */
export function isStale(record = inputsFile, base = root) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(record, 'utf8'));
  } catch {
    return true;
  }
  return recorded.inputs.some((path) => {
    const stats = statSync(join(base, path), { throwIfNoEntry: false });
    return !stats || stats.mtimeMs > recorded.builtAt;
  });
}

/** Builds the CLI into a fresh folder, then moves it in file by file, so a concurrent start never sees half a build. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const temporary = `${outDir}.tmp-${process.pid}-${randomUUID()}`;
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/tracker.ts'],
    outdir: temporary,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Linked maps without the sources: stack traces name the TypeScript file and line. Whitespace
    // and syntax are minified (less to parse at each start); names are kept for readable frames.
    sourcemap: 'linked',
    sourcesContent: false,
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
    // The fetcher's parts of undici only, as in the functions' bundles (see that file).
    alias: { undici: join(root, 'infra/bundling/undici-core.cjs') },
    // Some bundled dependencies still call require(); ESM output needs it defined.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  // Packages' mappings would make the maps ten times larger, parsed at the first formatted stack.
  for (const output of Object.keys(result.metafile.outputs).filter((path) => path.endsWith('.map'))) {
    const path = join(root, output);
    const map = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify(trimSourceMap(map, (source) => !source.includes('node_modules/'))));
  }
  // `tracker cost` starts DynamoDB Local, whose loopback launcher is compiled from this file beside the code.
  await copyFile(
    join(root, 'infra/local/dynamodb-local-loopback.java'),
    join(temporary, 'dynamodb-local-loopback.java'),
  );
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/'));
  await writeFile(
    join(temporary, 'inputs.json'),
    JSON.stringify({ builtAt, inputs: [...sources, ...extraInputs] }),
  );
  await moveInto(temporary, outDir, builtAt);
  return { outDir: relative(root, outDir), inputs: sources.length };
}

/** The files moved in last: the entry, then the record that says the build is current. */
const movedLast = ['tracker.js', 'tracker.js.map', 'inputs.json'];
/** How long files of an earlier build are kept for a CLI that started from it. */
const earlierBuildGraceMs = 10 * 60_000;

/**
 * Moves a finished build into `target`, one rename per file (atomic on one file system), chunks
 * first and the entry last. A CLI started from the previous build may still load its command's
 * chunk, whose name holds its content hash, so files the new build does not have are kept until
 * they are older than the grace period, and removed by a later build.
 */
async function moveInto(built, target, builtAt) {
  await mkdir(target, { recursive: true });
  const names = await readdir(built);
  const ordered = [
    ...names.filter((name) => !movedLast.includes(name)),
    ...movedLast.filter((name) => names.includes(name)),
  ];
  for (const name of ordered) await rename(join(built, name), join(target, name));
  await rm(built, { recursive: true, force: true });
  const current = new Set(names);
  for (const name of await readdir(target)) {
    if (current.has(name)) continue;
    const stats = await stat(join(target, name)).catch(() => undefined);
    if (stats && stats.mtimeMs < builtAt - earlierBuildGraceMs) await rm(join(target, name), { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outDir: built, inputs } = await buildCli();
  process.stderr.write(`tracker CLI built into ${built} from ${inputs} source files\n`);
}
