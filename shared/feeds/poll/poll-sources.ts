// Use case: poll a set of sources once.
//   Input:  the registry, optionally a selection of its sources, a state store, an item sink.
//   Output: one report per source, in input order: items, unchanged, deferred, skipped, not polled
//           or error.
//   Steps:  load state → (skip sources not due) → those the last run could not reach go first →
//           fetch + parse each source under a global limit and 2 per origin → hand items of
//           successful fetches to the sink → save state.
// One failing source never stops the others; validators are saved only after the sink accepted
// the items, so a storage failure makes the next poll fetch the feed in full again.
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import {
  enabledSources,
  type Outlet,
  type OutletRegistry,
  type OutletSource,
} from '#shared/config/outlets.ts';
import { createHttpClient } from '../fetch/http-client.ts';
import { createOriginLimiter } from '../fetch/origin-limiter.ts';
import { defaultMaxItemsPerFeed } from '../items/newest-items.ts';
import { initialState, isDue, notPolledFirst, recordNotPolled } from './feed-health.ts';
import type { FeedItem, FeedStateStore, ItemSink } from './ports.ts';
import type { FetchOptions, PollContext } from './source-poller.ts';
import { runSource, type SourceReport } from './source-run.ts';

export type { SourceReport } from './source-run.ts';

/** A source with its outlet. */
export interface SelectedSource {
  outlet: Outlet;
  source: OutletSource;
}

/** Input of a poll. */
export interface PollInput extends FetchOptions {
  registry: OutletRegistry;
  /** Defaults to every enabled source of the registry. */
  sources?: SelectedSource[];
  stateStore: FeedStateStore;
  sink: ItemSink;
  now?: Date;
  /** Skip sources that are deferred or backing off after failures. @default false */
  onlyDue?: boolean;
  /** Sources polled at once; mostly waiting on the network, so well above the CPU count. @default 64 */
  concurrency?: number;
  /**
   * Time after which no new request is started: sources still waiting for a slot are reported as
   * not polled. Sources already running keep their own `deadlineMs`, so a run ends within about
   * this plus one source's deadline (110 s + 60 s fits the scrape worker's 3 minutes). @default 110_000
   */
  runDeadlineMs?: number;
  /** Called with each successful fetch's items before the sink (the matcher hooks in here). */
  onItems?: (outlet: Outlet, source: OutletSource, items: FeedItem[]) => void | Promise<void>;
  /** Log line sink; stderr in the CLI. */
  log?: (line: string) => void;
}

/** The User-Agent of the tracker: its name and a contact URL (RFC 9110 §10.1.5). */
export function trackerUserAgent(contactUrl?: string): string {
  return `council-press-tracker/0.1 (+${contactUrl ?? 'contact URL not configured'})`;
}

/** Polls the selected sources once and reports on each. */
export async function pollSources(input: PollInput): Promise<SourceReport[]> {
  const selected = input.sources ?? enabledSources(input.registry);
  const now = input.now ?? new Date();
  const log = input.log ?? (() => {});
  const states = await input.stateStore.load(selected.map((s) => s.source.sourceId));
  const runSignal = AbortSignal.timeout(input.runDeadlineMs ?? 110_000);
  // Every request waiting for a slot listens for the run's end; hundreds may wait at once.
  setMaxListeners(0, runSignal);
  const agent = createHttpClient({
    allowPrivateAddresses: input.registry.allowPrivateAddresses,
    ...(input.connectTimeoutMs ? { connectTimeoutMs: input.connectTimeoutMs } : {}),
  });
  const ctx: PollContext = {
    agent,
    limiter: createOriginLimiter(2),
    userAgent: input.userAgent ?? trackerUserAgent(input.registry.contactUrl),
    options: input,
    now,
    sink: input.sink,
    maxItemsPerFeed: input.registry.maxItemsPerFeed ?? defaultMaxItemsPerFeed,
    runSignal,
  };
  const deps = { ctx, stateStore: input.stateStore, sink: input.sink, log, onItems: input.onItems };
  const limit = pLimit(input.concurrency ?? 64);
  const reports = new Map<SelectedSource, Promise<SourceReport>>();
  // Started in this order (the global limit is first come, first served); reported in input order.
  for (const entry of notPolledFirst(selected, (e) => states.get(e.source.sourceId))) {
    const { outlet, source } = entry;
    const stored = states.get(source.sourceId);
    const state = stored ?? initialState(source.sourceId, source.url, outlet.id);
    const base = { sourceId: source.sourceId, outletId: outlet.id, url: source.url };
    reports.set(
      entry,
      limit(async (): Promise<SourceReport> => {
        if (input.onlyDue && !isDue(stored, now)) return { ...base, status: 'skipped' };
        if (runSignal.aborted) {
          log(`poll ${source.url}: not polled, the run ended before its turn`);
          await input.stateStore.save(recordNotPolled(state, new Date())).catch(() => {});
          return { ...base, status: 'not-polled', items: [] };
        }
        return runSource(outlet, source, stored, state, deps);
      }),
    );
  }
  try {
    return await Promise.all(selected.map((entry) => reports.get(entry) as Promise<SourceReport>));
  } finally {
    await agent.close();
  }
}
