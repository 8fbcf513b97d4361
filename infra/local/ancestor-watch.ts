// `npm start` does not forward SIGTERM to its child: when npm is terminated, the local stack would
// live on as an orphan with its Java process. Watching every ancestor up to the npm process and
// stopping when one disappears closes that gap.
import { readFileSync } from 'node:fs';

/** Process ids from our parent up to (not including) init, read from /proc on Linux. */
export function ancestorPids(): number[] {
  const pids: number[] = [];
  let pid = process.ppid;
  while (pid > 1 && pids.length < 16) {
    pids.push(pid);
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      break; // no /proc (macOS): the direct parent alone is watched
    }
  }
  return pids;
}

/** Calls `onGone` once when any ancestor has exited; returns a function that stops watching. */
export function watchAncestors(onGone: () => void, intervalMs = 1000): () => void {
  const watched = ancestorPids();
  const timer = setInterval(() => {
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
      }
    };
    if (watched.some((pid) => !alive(pid))) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
