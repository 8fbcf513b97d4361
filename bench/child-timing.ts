// Times whole child processes (start-up included), the way an operator or a cold Lambda pays them.
import { spawn } from 'node:child_process';
import { median } from './bench-stats.ts';

/** What one child process run produced. */
export interface ChildRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `command args` to completion, feeding `input` on stdin, and times it from spawn to exit. */
export function timeChild(
  command: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** The median wall time of `runs` runs; fails loudly when a run exits non-zero. */
export async function medianChildMs(
  runs: number,
  command: string,
  args: string[],
  options: Parameters<typeof timeChild>[2] = {},
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await timeChild(command, args, options);
    if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    samples.push(run.ms);
  }
  return median(samples);
}

/** `value` as a multiple of `baseline`, with two decimals. */
export const times = (value: number, baseline: number): string => `${(value / baseline).toFixed(2)}×`;
