// Builds one module of a function as a file of its own beside the function's bundle (run by the
// bundle's afterBundling hook): code the function needs rarely and that is large, such as the PDF
// renderer, is then read only when it is first imported, not at every cold start.
// Usage: node infra/bundling/sidecar-bundle.mjs <entry.ts> <out.mjs>
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const [entry, outfile] = process.argv.slice(2);
if (!entry || !outfile) {
  process.stderr.write('usage: sidecar-bundle.mjs <entry.ts> <out.mjs>\n');
  process.exit(2);
}
// The same options as the functions' own bundles (infra/constructs/app-function.ts).
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  sourcemap: true,
  mainFields: ['module', 'main'],
  alias: { undici: fileURLToPath(new URL('./undici-core.cjs', import.meta.url)) },
  // CommonJS dependencies call require() and read __dirname (pdfmake's virtual file system does),
  // neither of which an ES module defines.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { dirname as __pathDirname } from 'node:path';",
      "import { fileURLToPath as __fileUrlToPath } from 'node:url';",
      'const require = __createRequire(import.meta.url);',
      'const __dirname = __pathDirname(__fileUrlToPath(import.meta.url));',
    ].join(' '),
  },
  logLevel: 'warning',
});
