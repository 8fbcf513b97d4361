// A source's time budget counts its own work (requests, parsing, backoff) but not its waits for a
// per-origin slot: a source queued behind a slow neighbour on the same outlet keeps its whole
// budget for its own requests instead of spending it in line.
import type { OriginLimiter } from './origin-limiter.ts';

/** The remaining budget of one source, paused while all of its work waits for slots. */
export interface SourceClock {
  remainingMs(): number;
  /** Wraps each request hop: waits for the origin's slot off the clock, then runs on it. */
  hop<T>(origin: string, run: () => Promise<T>): Promise<T>;
}

/** A clock of `budgetMs` over `limiter`; `signal` ends every wait for a slot (the run's end). */
export function createSourceClock(
  budgetMs: number,
  limiter: OriginLimiter,
  signal?: AbortSignal,
  now: () => number = Date.now,
): SourceClock {
  let spent = 0;
  let since = now();
  let waiting = 0;
  let running = 0;
  // Paused only while something waits and nothing runs: article pages fetched side by side keep
  // the clock going as long as any one of them holds a slot.
  const paused = () => waiting > 0 && running === 0;
  const change = (dWaiting: number, dRunning: number) => {
    const t = now();
    if (!paused()) spent += t - since;
    since = t;
    waiting += dWaiting;
    running += dRunning;
  };
  return {
    remainingMs: () => budgetMs - spent - (paused() ? 0 : now() - since),
    async hop(origin, run) {
      change(1, 0);
      let started = false;
      try {
        return await limiter.run(
          origin,
          async () => {
            started = true;
            change(-1, 1);
            try {
              return await run();
            } finally {
              change(0, -1);
            }
          },
          signal ? { signal } : {},
        );
      } finally {
        if (!started) change(-1, 0);
      }
    },
  };
}
