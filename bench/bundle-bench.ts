// Bundle benchmark: synthesizes the CDK app (unless BENCH_SYNTH=0), then for each function's bundle
// in cdk.out prints its size and the median time to import it in a fresh Node process, the cold
// start's share before any request, against `node -e 0` measured in the same run (interleaved).
// Run directly: `npx tsx bench/bundle-bench.ts`.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { functionAssets } from '../infra/bundling/synth-assets.mjs';
import { median } from './bench-stats.ts';
import { timeChild, times } from './child-timing.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Prints the milliseconds `import()` of the bundle took, as the runtime's first import does.
const importer =
  'const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));';

/** Targets on an idle machine: size in bytes and import time in milliseconds. */
const targets: Record<string, { bytes?: number; ms?: number }> = {
  Api: { ms: 120 },
  ScrapeWorker: { bytes: 1_000_000, ms: 250 },
};

function environment(folder: string): NodeJS.ProcessEnv {
  return {
    TABLE_NAME: 'bench',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    POLL_QUEUE_URL: 'http://127.0.0.1:9/queue',
    OUTLETS_FILE: join(folder, 'config/outlets.json'),
    ROSTER_FILE: join(folder, 'config/roster.json'),
    STATIC_DIR: join(folder, 'static'),
    AWS_REGION: 'eu-central-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** Runs the benchmark and prints its report to stdout. */
export async function runBundleBench(runs = Number(process.env.BENCH_RUNS ?? 7)): Promise<void> {
  if (process.env.BENCH_SYNTH !== '0') {
    const started = performance.now();
    execFileSync('npx', ['cdk', 'synth', '--quiet'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    });
    process.stderr.write(`cdk synth: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const assets = Object.entries(functionAssets(join(root, 'cdk.out'))).sort(([a], [b]) => a.localeCompare(b));
  const baseline: number[] = [];
  const imports = new Map<string, number[]>(assets.map(([name]) => [name, []]));
  for (let run = 0; run < runs; run++) {
    baseline.push((await timeChild('node', ['-e', '0'])).ms);
    for (const [name, folder] of assets) {
      const entry = pathToFileURL(join(folder, 'index.mjs')).href;
      const result = await timeChild('node', ['--input-type=module', '-e', importer, entry], {
        env: environment(folder),
      });
      if (result.code !== 0) throw new Error(`importing the ${name} bundle failed: ${result.stderr}`);
      imports.get(name)?.push(Number(result.stdout));
    }
  }
  const nodeMs = median(baseline);
  const lines = [
    `bundle benchmark: the bundles cdk synth produced, ${runs} imports each in a fresh process, interleaved with node -e 0 (medians)`,
    `  node -e 0 (baseline, whole process):  ${nodeMs.toFixed(0)} ms`,
  ];
  for (const [name, folder] of assets) {
    const bytes = statSync(join(folder, 'index.mjs')).size;
    const ms = median(imports.get(name) ?? []);
    const target = targets[name];
    const goals = [
      target?.bytes
        ? `size ≤ ${(target.bytes / 1e6).toFixed(1)} MB: ${bytes <= target.bytes ? 'met' : 'NOT met'}`
        : '',
      target?.ms ? `import ≤ ${target.ms} ms: ${ms <= target.ms ? 'met' : 'NOT met'}` : '',
    ].filter(Boolean);
    lines.push(
      `  ${name.padEnd(13)} ${(bytes / 1e6).toFixed(2)} MB  import ${ms.toFixed(0)} ms  ${times(ms, nodeMs)} node -e 0` +
        (goals.length ? `  (${goals.join('; ')})` : ''),
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runBundleBench();
