// Health of a source across polls: last success, last error by kind, consecutive failures.
import type { FeedError } from '../feed-error.ts';
import type { SourceState } from './ports.ts';

/** A source is flagged for the operator after this many consecutive failures. @default 5 */
export const flagAfterFailures = 5;

/** A fresh state for a source never polled. */
export function initialState(sourceId: string, url: string, outletId: string): SourceState {
  return { sourceId, url, outletId, consecutiveFailures: 0, itemsSeen: 0 };
}

/**
 * Records a successful fetch; `itemCount` is the number of items it carried (absent for a 304) and
 * `itemsCut` how many of them were left out as older than the newest kept.
 */
export function recordSuccess(
  state: SourceState,
  now: Date,
  fetched?: { itemCount: number; itemsCut?: number; etag?: string; lastModified?: string },
): SourceState {
  const { lastError: _cleared, deferredUntil: _done, notPolledAt: _reached, ...rest } = state;
  const next: SourceState = {
    ...rest,
    lastSuccessAt: now.toISOString(),
    lastPolledAt: now.toISOString(),
    consecutiveFailures: 0,
  };
  if (fetched) {
    // Validators always come from the latest full answer; a server that dropped its ETag loses ours.
    delete next.etag;
    delete next.lastModified;
    if (fetched.etag) next.etag = fetched.etag;
    if (fetched.lastModified) next.lastModified = fetched.lastModified;
    next.itemsSeen = fetched.itemCount;
    delete next.itemsCut;
    if (fetched.itemsCut) next.itemsCut = fetched.itemsCut;
  }
  return next;
}

/** Records a failure; validators are kept, so the next poll is still conditional. */
export function recordFailure(
  state: SourceState,
  error: Pick<FeedError, 'kind' | 'message'>,
  now: Date,
): SourceState {
  const { notPolledAt: _reached, ...rest } = state;
  return {
    ...rest,
    lastPolledAt: now.toISOString(),
    lastError: { kind: error.kind, message: error.message, at: now.toISOString() },
    consecutiveFailures: state.consecutiveFailures + 1,
  };
}

/** A deferral never reaches past this, however far the site asked (see maxRetryAfterSeconds). */
const maxDeferralMs = 7 * 24 * 3600_000;

/** Records that the site asked us to come back after `until` (at most a week after `now`). */
export function recordDeferral(state: SourceState, until: Date, now: Date): SourceState {
  const latest = now.getTime() + maxDeferralMs;
  const at = Number.isNaN(until.getTime()) ? latest : Math.min(until.getTime(), latest);
  const { notPolledAt: _reached, ...rest } = state;
  return { ...rest, lastPolledAt: now.toISOString(), deferredUntil: new Date(at).toISOString() };
}

/**
 * Records that the run ended before the source got a request slot: nothing is said about its
 * health (no failure, no poll time), only that it goes first next time.
 */
export function recordNotPolled(state: SourceState, now: Date): SourceState {
  return { ...state, notPolledAt: now.toISOString() };
}

/** Sources left unpolled by the last run first, the rest in their given order. */
export function notPolledFirst<T>(entries: T[], stateOf: (entry: T) => SourceState | undefined): T[] {
  const waiting = entries.filter((entry) => stateOf(entry)?.notPolledAt);
  return waiting.length === 0
    ? entries
    : [...waiting, ...entries.filter((entry) => !stateOf(entry)?.notPolledAt)];
}

/** Flagged for the operator after repeated failures. */
export function isFlagged(state: SourceState): boolean {
  return state.consecutiveFailures >= flagAfterFailures;
}

/**
 * Whether a source should be polled now: not while deferred, and a failing source backs off
 * (15 min × 2^(failures − 3), at most a day) instead of being hit every run.
 */
export function isDue(state: SourceState | undefined, now: Date): boolean {
  if (!state) return true;
  if (state.deferredUntil && Date.parse(state.deferredUntil) > now.getTime()) return false;
  if (state.consecutiveFailures < 3 || !state.lastPolledAt) return true;
  const backoff = Math.min(15 * 60_000 * 2 ** (state.consecutiveFailures - 3), 24 * 3600_000);
  return Date.parse(state.lastPolledAt) + backoff <= now.getTime();
}
