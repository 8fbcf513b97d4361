// Builds the operator CLI to JavaScript once (esbuild, as the functions are built), so a command
// does not compile TypeScript at every start. Each command stays its own chunk, loaded only when it
// runs. The output sits two folders below the repository root, as the sources do, so paths that
// modules resolve from import.meta.url (config/, .local/) still point into the repository.
// `node cli/cli-build.mjs` builds; the launcher (tracker-launcher.mjs) calls buildCli() when stale.
import { readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
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

/** Builds the CLI into a fresh folder, then swaps it in, so a concurrent start never sees half a build. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const temporary = `${outDir}.tmp-${process.pid}`;
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
  await mkdir(dirname(outDir), { recursive: true });
  await rm(outDir, { recursive: true, force: true });
  await rename(temporary, outDir);
  return { outDir: relative(root, outDir), inputs: sources.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { outDir: built, inputs } = await buildCli();
  process.stderr.write(`tracker CLI built into ${built} from ${inputs} source files\n`);
}
