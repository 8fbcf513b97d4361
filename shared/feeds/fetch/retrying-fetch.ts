// Retries a fetch on network errors, timeouts, 5xx and 429 with exponential backoff and full jitter
// (AWS Architecture Blog, "Exponential Backoff And Jitter"), all inside one per-source budget.
import { FeedError } from '../feed-error.ts';
import { type FetchRequest, type FetchResult, fetchSource } from './http-fetcher.ts';
import { SlotWaitAbortedError } from './origin-limiter.ts';

/** Retry settings. */
export interface RetryOptions {
  /**
   * Everything for one source, retries included, ends by then; waits for a per-origin slot are
   * not counted when the request carries its own `remainingMs`. @default 60_000
   */
  deadlineMs?: number;
  /** @default 3 */
  maxRetries?: number;
  /** First backoff; doubles per attempt. @default 500 */
  baseDelayMs?: number;
}

/** A fetch result, or word that the server asked for a pause longer than the deadline allows. */
export type RetriedResult = FetchResult | { status: 'deferred'; until: Date };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches with retries; throws the last `FeedError` when retries or the budget run out, and
 * `SlotWaitAbortedError` only when not a single request could be sent.
 */
export async function fetchWithRetries(
  req: FetchRequest,
  options: RetryOptions = {},
): Promise<RetriedResult> {
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  const remaining = req.remainingMs ?? (() => deadline - Date.now());
  const maxRetries = options.maxRetries ?? 3;
  const base = options.baseDelayMs ?? 500;
  let last: FeedError | undefined;
  for (let attempt = 0; ; attempt++) {
    if (remaining() <= 0) throw last ?? new FeedError('timeout', 'per-source deadline passed');
    try {
      return await fetchSource({ ...req, remainingMs: remaining });
    } catch (error) {
      // Out of run time while in line for a retry: what the source answered last is its outcome.
      if (error instanceof SlotWaitAbortedError) throw last ?? error;
      const failure =
        error instanceof FeedError ? error : new FeedError('network', String(error), { cause: error });
      last = failure;
      if (!failure.retryable) throw failure;
      const asked = failure.retryAfterSeconds === undefined ? undefined : failure.retryAfterSeconds * 1000;
      // A Retry-After beyond the budget defers the source to a later poll instead of waiting.
      if (asked !== undefined && asked > remaining())
        return { status: 'deferred', until: new Date(Date.now() + asked) };
      const wait = asked ?? base * 2 ** attempt * (0.5 + Math.random() / 2);
      if (attempt >= maxRetries || wait >= remaining()) throw failure;
      await sleep(wait);
    }
  }
}
