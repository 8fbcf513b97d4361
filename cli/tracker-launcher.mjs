// Starts the operator CLI from its JavaScript build (cli-build.mjs), building it first when it is
// missing or older than any source it was built from, so `npm run tracker` works from a fresh clone
// and after every edit without a separate build step. Checking costs one stat per source file.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, isStale, outDir } from './cli-build.mjs';

if (isStale()) await buildCli();
// Stack traces then name the TypeScript sources (the build writes linked source maps).
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(outDir, 'tracker.js')).href);
