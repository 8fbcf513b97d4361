// `npm start` does not pass a SIGTERM on to its script: npm exits and the stack would live on. So the
// stack watches the processes between itself and the npm that ran it, and stops when one is gone. It
// watches nothing above npm: a shell that ran `nohup npm start &` may exit without stopping the stack.
// The watch runs on its own thread, so it still acts while the main event loop is blocked.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** A process the stack depends on. */
export interface Ancestor {
  pid: number;
  name: string;
}

/** How a process looks in /proc: its parent and its command line. */
export type ProcessReader = (pid: number) => { ppid: number; command: string } | undefined;

/** Reads /proc/<pid>/stat and cmdline (Linux); undefined elsewhere or when the process is gone. */
export const procReader: ProcessReader = (pid) => {
  try {
    // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { ppid, command };
  } catch {
    return undefined;
  }
};

/** The npm process itself sets its title to "npm start"; an unset title leaves npm-cli.js in argv. */
const npmCommand = /^npm(\s|$)|npm-cli\.js/;

/**
 * The processes from our parent up to and including the npm that ran us (npm sets
 * npm_lifecycle_event for its scripts); none when npm did not run us, since signals then reach us.
 */
export function launcherChain(
  env: NodeJS.ProcessEnv = process.env,
  parent = process.ppid,
  read: ProcessReader = procReader,
): Ancestor[] {
  if (!env.npm_lifecycle_event) return [];
  const chain: Ancestor[] = [];
  for (let pid = parent; pid > 1 && chain.length < 6; ) {
    const info = read(pid);
    if (!info) break;
    chain.push({ pid, name: info.command.split(' ').slice(0, 2).join(' ') });
    if (npmCommand.test(info.command)) return chain;
    pid = info.ppid;
  }
  // npm not found (no /proc, or an unusual runner): the direct parent alone is safe to watch.
  return [chain[0] ?? { pid: parent, name: 'parent process' }];
}

// Plain JavaScript, run in a worker thread: polls the pids; when one is gone, tells the main thread,
// and if the main thread has not ended the process within the grace period, ends it (the DynamoDB
// Local launcher then sees its pipe close and stops Java).
const watcherSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync, writeSync } = require('node:fs');
// A zombie (exited, not yet reaped: state Z in /proc/<pid>/stat) has exited too.
const zombie = (pid) => { try { const stat = readFileSync('/proc/' + pid + '/stat', 'utf8'); return stat[stat.lastIndexOf(')') + 2] === 'Z'; } catch { return false; } };
const alive = (pid) => { try { process.kill(pid, 0); return !zombie(pid); } catch (e) { return e.code === 'EPERM'; } };
const goneAncestors = () => workerData.ancestors.filter((ancestor) => !alive(ancestor.pid));
const timer = setInterval(() => {
  if (goneAncestors().length === 0) return;
  clearInterval(timer);
  // npm's script shell tends to go a moment before npm: settle, then name the furthest one up.
  setTimeout(() => stop(goneAncestors().at(-1)), 300);
}, workerData.intervalMs);
function stop(gone) {
  parentPort.postMessage(gone);
  setTimeout(() => {
    writeSync(1, 'Local stack stopped: ' + gone.name + ' (pid ' + gone.pid + ') exited and the stack did not answer within ' + workerData.graceMs / 1000 + ' s, so it was killed.\\n');
    process.kill(process.pid, 'SIGKILL');
  }, workerData.graceMs);
}
`;

/** Calls `onGone` once when a watched ancestor has exited; returns a function that stops watching. */
export function watchAncestors(
  ancestors: Ancestor[],
  onGone: (ancestor: Ancestor) => void,
  options: { intervalMs?: number; graceMs?: number } = {},
): () => void {
  if (ancestors.length === 0) return () => undefined;
  const worker = new Worker(watcherSource, {
    eval: true,
    workerData: { ancestors, intervalMs: options.intervalMs ?? 500, graceMs: options.graceMs ?? 15_000 },
  });
  worker.unref();
  worker.once('message', (ancestor: Ancestor) => onGone(ancestor));
  return () => void worker.terminate();
}
