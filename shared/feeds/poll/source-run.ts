// One source's turn in a poll: poll it, hand its items on, record its health, and answer with its
// report. Whatever goes wrong is recorded on this source alone.
import type { Outlet, OutletSource } from '#shared/config/outlets.ts';
import type { FeedErrorKind } from '../feed-error.ts';
import { recordDeferral, recordFailure, recordNotPolled, recordSuccess } from './feed-health.ts';
import type { FeedItem, FeedStateStore, ItemSink, SourceState } from './ports.ts';
import { type PollContext, pollSource } from './source-poller.ts';

/** The result of polling one source; `url` is the URL as configured, not after redirects. */
export interface SourceReport {
  sourceId: string;
  outletId: string;
  url: string;
  /** `not-polled`: the run ended before the source got a request slot; it is no failure. */
  status: 'items' | 'unchanged' | 'deferred' | 'skipped' | 'not-polled' | 'error';
  items?: FeedItem[];
  written?: number;
  /** Items of the answer left out as older than the newest kept (`maxItems`). */
  itemsCut?: number;
  /** Where the body came from after redirects, when the fetch succeeded. */
  finalUrl?: string;
  deferredUntil?: string;
  error?: { kind: FeedErrorKind | 'storage'; message: string };
}

/** What one source's turn needs from its run. */
export interface SourceRunDeps {
  ctx: PollContext;
  stateStore: FeedStateStore;
  sink: ItemSink;
  onItems?: (outlet: Outlet, source: OutletSource, items: FeedItem[]) => void | Promise<void>;
  log: (line: string) => void;
}

class StateNotSavedError extends Error {}

async function save(stateStore: FeedStateStore, state: SourceState): Promise<void> {
  try {
    await stateStore.save(state);
  } catch (error) {
    throw new StateNotSavedError(`state not saved: ${(error as Error)?.message ?? error}`, { cause: error });
  }
}

/** Polls one source and records the outcome on its state. Never throws. */
export async function runSource(
  outlet: Outlet,
  source: OutletSource,
  stored: SourceState | undefined,
  state: SourceState,
  deps: SourceRunDeps,
): Promise<SourceReport> {
  const base = { sourceId: source.sourceId, outletId: outlet.id, url: source.url };
  try {
    const outcome = await pollSource(outlet, source, stored, deps.ctx);
    const at = new Date();
    switch (outcome.status) {
      case 'error':
        deps.log(`poll ${source.url}: ${outcome.error.kind}: ${outcome.error.message}`);
        await save(deps.stateStore, recordFailure(state, outcome.error, at));
        return {
          ...base,
          status: 'error',
          error: { kind: outcome.error.kind, message: outcome.error.message },
        };
      case 'deferred': {
        const next = recordDeferral(state, outcome.until, at);
        await save(deps.stateStore, next);
        return {
          ...base,
          status: 'deferred',
          ...(next.deferredUntil ? { deferredUntil: next.deferredUntil } : {}),
        };
      }
      case 'not-polled':
        deps.log(`poll ${source.url}: not polled, the run ended before a request slot was free`);
        await save(deps.stateStore, recordNotPolled(state, at));
        return { ...base, status: 'not-polled', items: [] };
      case 'unchanged':
        await save(deps.stateStore, recordSuccess(state, at));
        return { ...base, status: 'unchanged', items: [], finalUrl: outcome.finalUrl };
    }
    const cut = outcome.itemsCut;
    let written: number;
    try {
      await deps.onItems?.(outlet, source, outcome.items);
      ({ written } = await deps.sink.store(outlet, source, outcome.items, deps.ctx.now.toISOString()));
    } catch (error) {
      // Validators are not saved, so the next poll fetches the feed in full again.
      deps.log(`store ${source.url}: ${(error as Error).message}`);
      return { ...base, status: 'error', error: { kind: 'storage', message: (error as Error).message } };
    }
    if (cut > 0)
      deps.log(
        `poll ${source.url}: kept the newest ${outcome.itemsInFeed - cut} of ${outcome.itemsInFeed} items`,
      );
    await save(
      deps.stateStore,
      recordSuccess(state, at, {
        itemCount: outcome.itemsInFeed,
        itemsCut: cut,
        ...(outcome.etag ? { etag: outcome.etag } : {}),
        ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
      }),
    );
    return {
      ...base,
      status: 'items',
      items: outcome.items,
      written,
      finalUrl: outcome.finalUrl,
      ...(cut > 0 ? { itemsCut: cut } : {}),
    };
  } catch (error) {
    return recordUnexpected(base, state, error, deps);
  }
}

// A fault of the poller itself (a bug, a state store that refused a write) is this source's alone.
async function recordUnexpected(
  base: Pick<SourceReport, 'sourceId' | 'outletId' | 'url'>,
  state: SourceState,
  error: unknown,
  deps: SourceRunDeps,
): Promise<SourceReport> {
  const message = String((error as Error)?.message ?? error);
  deps.log(`poll ${base.url}: ${message}`);
  if (error instanceof StateNotSavedError)
    return { ...base, status: 'error', error: { kind: 'storage', message } };
  const failure = { kind: 'internal' as const, message: `the poller failed on this source: ${message}` };
  try {
    await deps.stateStore.save(recordFailure(state, failure, new Date()));
  } catch (saveError) {
    deps.log(`poll ${base.url}: state not saved: ${(saveError as Error)?.message ?? saveError}`);
  }
  return { ...base, status: 'error', error: failure };
}
