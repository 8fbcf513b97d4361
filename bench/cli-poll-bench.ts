// CLI poll benchmark: `tracker poll --dry-run` of 200 sources at 100 ms latency, as a whole
// process (start-up included), against the plain reference poller (reference-poller.mjs: fetch,
// 32 in flight, bodies read, nothing parsed) run in the same run, interleaved. Also times the
// second dry run, whose stored validators make every source answer 304.
// Run directly: `npx tsx bench/cli-poll-bench.ts`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBenchPressChild } from './bench-children.ts';
import { median } from './bench-stats.ts';
import { timeChild } from './child-timing.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Runs a child and checks that each of `expected` sources printed a line with `key`. */
async function timed(args: string[], key: string, expected: number): Promise<number> {
  const run = await timeChild('node', args, { cwd: root });
  if (run.code !== 0) throw new Error(`node ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  const lines = run.stdout.trim().split('\n').filter(Boolean);
  const hits = lines.filter((line) => key in (JSON.parse(line) as object)).length;
  if (hits !== expected) throw new Error(`node ${args.join(' ')}: ${hits} of ${expected} lines had "${key}"`);
  return run.ms;
}

/** Runs the benchmark and prints its report to stdout. */
export async function runCliPollBench(
  options: { runs?: number; sources?: number; delayMs?: number } = {},
): Promise<void> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 5);
  const sources = options.sources ?? 200;
  const delayMs = options.delayMs ?? 100;
  const simulator = await startBenchPressChild(sources, delayMs);
  const folder = await mkdtemp(join(tmpdir(), 'cli-poll-bench-'));
  try {
    const { urls } = simulator;
    const outlets = join(folder, 'outlets.json');
    const urlList = join(folder, 'urls.txt');
    const state = join(folder, 'poll-state.json');
    await writeFile(urlList, urls.join('\n'));
    await writeFile(
      outlets,
      JSON.stringify({
        allowPrivateAddresses: ['127.0.0.0/8'],
        outlets: urls.map((url, i) => ({
          id: `sim-${i}`,
          name: `Sim ${i}`,
          languages: ['en'],
          homepage: url,
          sources: [{ type: 'feed', url }],
        })),
      }),
    );
    const poll = ['cli/tracker-launcher.mjs', 'poll', '--outlets', outlets, '--once', '--dry-run', '--json'];
    const reference = ['bench/reference-poller.mjs', urlList];
    // Untimed: builds the CLI if stale and warms the disk cache for every contender.
    await timed([...poll, '--fresh', '--state', state], 'items', sources);
    await timeChild('node', reference, { cwd: root });
    const samples = { reference: [] as number[], full: [] as number[], unchanged: [] as number[] };
    for (let run = 0; run < runs; run++) {
      samples.reference.push(await timed(reference, 'urls', 1));
      samples.full.push(await timed([...poll, '--fresh', '--state', state], 'items', sources));
      samples.unchanged.push(await timed([...poll, '--state', state], 'unchanged', sources));
    }
    const reference50 = median(samples.reference);
    const full = median(samples.full);
    const unchanged = median(samples.unchanged);
    const lines = [
      `CLI poll benchmark: ${sources} sources on their own loopback origins, ${delayMs} ms per answer, ${runs} runs interleaved (medians, whole process)`,
      `  reference poller (fetch, 32 in flight):   ${reference50.toFixed(0)} ms`,
      `  tracker poll --dry-run, full answers:     ${full.toFixed(0)} ms  ${(full / reference50).toFixed(2)}× reference (target ≤ 1.5×)`,
      `  tracker poll --dry-run, all 304:          ${unchanged.toFixed(0)} ms  ${(unchanged / reference50).toFixed(2)}× reference`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    simulator.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCliPollBench();
