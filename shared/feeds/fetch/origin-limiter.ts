// At most N requests at a time per origin (scheme, host and port), so a poll of 200 sources never
// hammers one outlet that hosts several feeds.
import pLimit, { type LimitFunction } from 'p-limit';

/** Runs tasks with a per-origin concurrency limit. */
export interface OriginLimiter {
  run<T>(origin: string, task: () => Promise<T>): Promise<T>;
}

/** A limiter allowing `perOrigin` tasks at a time for each origin. @default perOrigin 2 */
export function createOriginLimiter(perOrigin = 2): OriginLimiter {
  const limits = new Map<string, LimitFunction>();
  return {
    async run(origin, task) {
      let limit = limits.get(origin);
      if (!limit) {
        limit = pLimit(perOrigin);
        limits.set(origin, limit);
      }
      try {
        return await limit(task);
      } finally {
        // Idle origins are dropped, so 10,000 sources do not leave 10,000 limiters behind.
        if (limit.activeCount === 0 && limit.pendingCount === 0) limits.delete(origin);
      }
    },
  };
}
