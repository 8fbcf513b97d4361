// The child processes the benchmarks talk to: the 200-origin press simulator in a process of its own
// (so its work never counts in the measured poller) and the message each child answers with.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const simulatorFile = fileURLToPath(new URL('../infra/local/press-simulator.ts', import.meta.url));

/** The next message of `type` the child sends; rejects if the child exits first. */
export function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`child exited (${code}) before sending ${type}`));
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** A started simulated press: its feed URLs, the process (for `counts`) and a way to stop it. */
export interface BenchPressChild {
  urls: string[];
  process: ChildProcess;
  stop(): void;
}

/** Starts the press simulator's bench mode: `sources` origins answering after `delayMs`. */
export async function startBenchPressChild(sources: number, delayMs: number): Promise<BenchPressChild> {
  const child = fork(simulatorFile, ['bench', String(sources), String(delayMs)], {
    execArgv: ['--import', 'tsx'],
  });
  const { urls } = await nextMessage<{ urls: string[] }>(child, 'ready');
  return { urls, process: child, stop: () => child.send({ type: 'stop' }) };
}
