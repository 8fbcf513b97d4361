// Start-up benchmark: wall time of short CLI commands, start-up included, against `node -e 0`
// measured in the same run (interleaved, so both see the same load). Run directly:
// `npx tsx bench/startup-bench.ts`.
import { fileURLToPath } from 'node:url';
import { median } from './bench-stats.ts';
import { timeChild, times } from './child-timing.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const matchLine = '{"id":"1","text":"Azər Allahverənovun çıxışı"}\n';

interface Case {
  label: string;
  command: string;
  args: string[];
  input?: string;
  /** Target in seconds on an idle machine, when there is one. */
  targetS?: number;
}

const cases: Case[] = [
  { label: 'node -e 0 (baseline)', command: 'node', args: ['-e', '0'] },
  { label: 'tracker --help', command: 'node', args: ['cli/tracker-launcher.mjs', '--help'], targetS: 0.4 },
  {
    label: 'tracker match, one line',
    command: 'node',
    args: ['cli/tracker-launcher.mjs', 'match'],
    input: matchLine,
    targetS: 0.4,
  },
  {
    label: 'npm run --silent tracker -- --help',
    command: 'npm',
    args: ['run', '--silent', 'tracker', '--', '--help'],
  },
  {
    label: 'tracker --help from TypeScript (tsx)',
    command: 'node',
    args: ['--import', 'tsx', 'cli/tracker.ts', '--help'],
  },
];

/** Runs the benchmark and prints its report to stdout. */
export async function runStartupBench(runs = Number(process.env.BENCH_RUNS ?? 7)): Promise<void> {
  // One untimed run builds the CLI if it is stale, so no timed run pays for a build.
  await timeChild('node', ['cli/tracker-launcher.mjs', '--help'], { cwd: root });
  const samples = cases.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    for (const [i, c] of cases.entries()) {
      const result = await timeChild(c.command, c.args, {
        cwd: root,
        ...(c.input ? { input: c.input } : {}),
      });
      if (result.code !== 0) throw new Error(`${c.label} exited ${result.code}: ${result.stderr}`);
      samples[i]?.push(result.ms);
    }
  }
  const medians = samples.map((s) => median(s));
  const baseline = medians[0] as number;
  const lines = [
    `start-up benchmark: ${runs} runs each, interleaved (medians, wall time of the whole process)`,
  ];
  for (const [i, c] of cases.entries()) {
    const ms = medians[i] as number;
    const target = c.targetS
      ? `  (target ≤ ${c.targetS} s: ${ms <= c.targetS * 1000 ? 'met' : 'NOT met'})`
      : '';
    lines.push(
      `  ${c.label.padEnd(40)} ${(ms / 1000).toFixed(3)} s  ${times(ms, baseline)} node -e 0${target}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runStartupBench();
