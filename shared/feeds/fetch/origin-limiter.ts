// At most N requests at a time per origin (scheme, host and port), so a poll of 200 sources never
// hammers one outlet that hosts several feeds. Waiting for a slot is not a request: a wait can be
// given up (the run is out of time) and the caller then knows nothing was sent.

/** Raised to a task that was still waiting for its origin's slot when its signal was aborted. */
export class SlotWaitAbortedError extends Error {
  constructor(readonly origin: string) {
    super(`no request slot for ${origin} before the run ended`);
    this.name = 'SlotWaitAbortedError';
  }
}

/** How one task waits. */
export interface SlotOptions {
  /** Gives up the wait (never a running task) when aborted. */
  signal?: AbortSignal;
}

/** Runs tasks with a per-origin concurrency limit. */
export interface OriginLimiter {
  run<T>(origin: string, task: () => Promise<T>, options?: SlotOptions): Promise<T>;
}

interface OriginQueue {
  active: number;
  waiting: (() => void)[];
}

/** A limiter allowing `perOrigin` tasks at a time for each origin, served first come first served. */
export function createOriginLimiter(perOrigin = 2): OriginLimiter {
  const origins = new Map<string, OriginQueue>();

  const acquire = (origin: string, signal?: AbortSignal): Promise<OriginQueue> => {
    let queue = origins.get(origin);
    if (!queue) {
      queue = { active: 0, waiting: [] };
      origins.set(origin, queue);
    }
    const q = queue;
    if (signal?.aborted) return Promise.reject(new SlotWaitAbortedError(origin));
    if (q.active < perOrigin) {
      q.active++;
      return Promise.resolve(q);
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', giveUp);
        resolve(q);
      };
      const giveUp = () => {
        const at = q.waiting.indexOf(grant);
        if (at >= 0) q.waiting.splice(at, 1);
        reject(new SlotWaitAbortedError(origin));
      };
      signal?.addEventListener('abort', giveUp, { once: true });
      q.waiting.push(grant);
    });
  };

  const release = (origin: string, q: OriginQueue) => {
    const next = q.waiting.shift();
    if (next) return next(); // the slot passes straight to the next in line
    q.active--;
    // Idle origins are dropped, so 10,000 sources do not leave 10,000 queues behind.
    if (q.active === 0) origins.delete(origin);
  };

  return {
    async run(origin, task, options = {}) {
      const q = await acquire(origin, options.signal);
      try {
        return await task();
      } finally {
        release(origin, q);
      }
    },
  };
}
