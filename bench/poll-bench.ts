// Poll benchmark: 200 simulated sources, each on its own loopback origin answering after 100 ms,
// served by a simulator in its own process; the poller runs in another child so its peak RSS is
// its own. Reports medians of several runs: parallel vs sequential wall time, the share of 304s
// on the second poll, and the poller's peak RSS. Run directly: `npx tsx bench/poll-bench.ts`.
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseOutlets } from '#shared/config/outlets.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import type { FeedItem, ItemSink } from '#shared/feeds/poll/ports.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { nextMessage, startBenchPressChild } from './bench-children.ts';
import { median } from './bench-stats.ts';

/** Benchmark settings. */
export interface PollBenchOptions {
  /** @default 3 */
  runs?: number;
  /** @default 200 */
  sources?: number;
  /** @default 100 */
  delayMs?: number;
  /** Defaults to pollSources' own default. */
  concurrency?: number;
  /** A module exporting `onItems(items: FeedItem[])`, run in the poller process (e.g. matching). */
  hookModule?: string;
}

/** One poller run's measurements. */
interface RunResult {
  parallelMs: number;
  sequentialMs: number;
  notModifiedShare: number;
  items: number;
  errors: number;
  maxRssMb: number;
}

const here = fileURLToPath(import.meta.url);
const tsxArgs = ['--import', 'tsx'];
const nothingSink: ItemSink = { store: async () => ({ written: 0 }) };

// The poller child: one parallel poll, a second conditional poll, one sequential poll.
async function pollerMain(
  urls: string[],
  concurrency: number | undefined,
  hookModule?: string,
): Promise<RunResult> {
  const hook = hookModule
    ? ((await import(pathToFileURL(hookModule).href)) as { onItems: (items: FeedItem[]) => unknown })
    : undefined;
  const registry = parseOutlets(
    {
      allowPrivateAddresses: ['127.0.0.0/8'],
      outlets: urls.map((url, i) => ({
        id: `sim-${i}`,
        name: `Sim ${i}`,
        languages: ['en'],
        homepage: url,
        sources: [{ type: 'feed', url }],
      })),
    },
    'bench registry',
  );
  const onItems = hook
    ? (_o: unknown, _s: unknown, items: FeedItem[]) => void hook.onItems(items)
    : undefined;
  // One source polled untimed first, so both timings see a warmed-up process (JIT, lazy modules).
  const [warmup] = registry.outlets;
  if (warmup)
    await pollSources({
      registry,
      sources: warmup.sources.map((source) => ({ outlet: warmup, source })),
      stateStore: new MemoryFeedStateStore(),
      sink: nothingSink,
    });
  const stateStore = new MemoryFeedStateStore();
  let t = performance.now();
  const first = await pollSources({
    registry,
    stateStore,
    sink: nothingSink,
    ...(concurrency ? { concurrency } : {}),
    ...(onItems ? { onItems } : {}),
  });
  const parallelMs = performance.now() - t;
  const second = await pollSources({
    registry,
    stateStore,
    sink: nothingSink,
    ...(concurrency ? { concurrency } : {}),
  });
  t = performance.now();
  await pollSources({
    registry,
    stateStore: new MemoryFeedStateStore(),
    sink: nothingSink,
    concurrency: 1,
    ...(onItems ? { onItems } : {}),
  });
  const sequentialMs = performance.now() - t;
  return {
    parallelMs,
    sequentialMs,
    notModifiedShare: second.filter((r) => r.status === 'unchanged').length / second.length,
    items: first.reduce((n, r) => n + (r.items?.length ?? 0), 0),
    errors: first.filter((r) => r.status === 'error').length,
    maxRssMb: process.resourceUsage().maxRSS / 1024, // maxRSS is in kilobytes
  };
}

/** Runs the benchmark and prints its report to stdout. */
export async function runPollBench(options: PollBenchOptions = {}): Promise<void> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 3);
  const sources = options.sources ?? 200;
  const simulator = await startBenchPressChild(sources, options.delayMs ?? 100);
  try {
    const { urls } = simulator;
    const results: RunResult[] = [];
    for (let run = 0; run < runs; run++) {
      const poller = fork(here, ['poller'], { execArgv: tsxArgs });
      poller.send({ type: 'start', urls, concurrency: options.concurrency, hookModule: options.hookModule });
      const { result } = await nextMessage<{ result: RunResult }>(poller, 'result');
      results.push(result);
      simulator.process.send({ type: 'counts' });
      const counts = await nextMessage<{ ok: number; notModified: number }>(simulator.process, 'counts');
      process.stderr.write(
        `run ${run + 1}: ${JSON.stringify(result)} server saw ${counts.ok}×200, ${counts.notModified}×304\n`,
      );
    }
    const parallel = median(results.map((r) => r.parallelMs));
    const sequential = median(results.map((r) => r.sequentialMs));
    const lines = [
      `poll benchmark: ${sources} sources on their own loopback origins, ${options.delayMs ?? 100} ms per answer, ${runs} runs (medians, after a 1-source warm-up)`,
      `  full poll (fetch + parse${options.hookModule ? ' + hook' : ''}): ${parallel.toFixed(0)} ms`,
      `  sequential poll:                 ${sequential.toFixed(0)} ms`,
      `  ratio:                           1/${(sequential / parallel).toFixed(1)} (target ≤ 1/10)`,
      `  304 share on second poll:        ${(median(results.map((r) => r.notModifiedShare)) * 100).toFixed(1)}% (target ≥ 95%)`,
      `  poller peak RSS:                 ${median(results.map((r) => r.maxRssMb)).toFixed(0)} MB (target < 256 MB)`,
      `  items per full poll:             ${median(results.map((r) => r.items))}, errors ${median(results.map((r) => r.errors))}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    simulator.stop();
  }
}

if (process.argv[2] === 'poller' && process.send) {
  process.once('message', async (message: { urls: string[]; concurrency?: number; hookModule?: string }) => {
    const result = await pollerMain(message.urls, message.concurrency, message.hookModule);
    process.send?.({ type: 'result', result }, undefined, undefined, () => process.exit(0));
  });
} else if (process.argv[1] === here) {
  await runPollBench();
}
