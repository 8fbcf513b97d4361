// Retries a fetch on network errors, timeouts, 5xx and 429 with exponential backoff and full jitter
// (AWS Architecture Blog, "Exponential Backoff And Jitter"), all inside one per-source deadline.
import { FeedError } from '../feed-error.ts';
import { type FetchRequest, type FetchResult, fetchSource } from './http-fetcher.ts';

/** Retry settings. */
export interface RetryOptions {
  /** Everything for one source, retries included, ends by then. @default 60_000 */
  deadlineMs?: number;
  /** @default 3 */
  maxRetries?: number;
  /** First backoff; doubles per attempt. @default 500 */
  baseDelayMs?: number;
}

/** A fetch result, or word that the server asked for a pause longer than the deadline allows. */
export type RetriedResult = FetchResult | { status: 'deferred'; until: Date };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fetches with retries; throws the last `FeedError` when retries or the deadline run out. */
export async function fetchWithRetries(
  req: FetchRequest,
  options: RetryOptions = {},
): Promise<RetriedResult> {
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  const maxRetries = options.maxRetries ?? 3;
  const base = options.baseDelayMs ?? 500;
  for (let attempt = 0; ; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new FeedError('timeout', 'per-source deadline passed');
    try {
      return await fetchSource({ ...req, timeoutMs: Math.min(req.timeoutMs ?? 30_000, remaining) });
    } catch (error) {
      const failure =
        error instanceof FeedError ? error : new FeedError('network', String(error), { cause: error });
      if (!failure.retryable) throw failure;
      const asked = failure.retryAfterSeconds === undefined ? undefined : failure.retryAfterSeconds * 1000;
      // A Retry-After beyond the deadline defers the source to a later poll instead of waiting.
      if (asked !== undefined && Date.now() + asked > deadline)
        return { status: 'deferred', until: new Date(Date.now() + asked) };
      const wait = asked ?? base * 2 ** attempt * (0.5 + Math.random() / 2);
      if (attempt >= maxRetries || Date.now() + wait >= deadline) throw failure;
      await sleep(wait);
    }
  }
}
