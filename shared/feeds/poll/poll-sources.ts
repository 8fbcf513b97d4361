// Use case: poll a set of sources once.
//   Input:  the registry, optionally a selection of its sources, a state store, an item sink.
//   Output: one report per source, in input order: items, unchanged, deferred or error.
//   Steps:  load state → (skip sources not due) → fetch + parse each source under a global limit
//           and 2 per origin → hand items of successful fetches to the sink → save state.
// One failing source never stops the others; validators are saved only after the sink accepted
// the items, so a storage failure makes the next poll fetch the feed in full again.
import pLimit from 'p-limit';
import {
  enabledSources,
  type Outlet,
  type OutletRegistry,
  type OutletSource,
} from '#shared/config/outlets.ts';
import type { FeedError } from '../feed-error.ts';
import { createHttpClient } from '../fetch/http-client.ts';
import { createOriginLimiter } from '../fetch/origin-limiter.ts';
import { initialState, isDue, recordDeferral, recordFailure, recordSuccess } from './feed-health.ts';
import type { FeedErrorKind, FeedItem, FeedStateStore, ItemSink, SourceState } from './ports.ts';
import { type FetchOptions, type PollContext, pollSource } from './source-poller.ts';

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
  /** Called with each successful fetch's items before the sink (the matcher hooks in here). */
  onItems?: (outlet: Outlet, source: OutletSource, items: FeedItem[]) => void | Promise<void>;
  /** Log line sink; stderr in the CLI. */
  log?: (line: string) => void;
}

/** The result of polling one source; `url` is the URL as configured, not after redirects. */
export interface SourceReport {
  sourceId: string;
  outletId: string;
  url: string;
  status: 'items' | 'unchanged' | 'deferred' | 'skipped' | 'error';
  items?: FeedItem[];
  written?: number;
  /** Where the body came from after redirects, when the fetch succeeded. */
  finalUrl?: string;
  deferredUntil?: string;
  error?: { kind: FeedErrorKind | 'storage'; message: string };
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
  };
  const limit = pLimit(input.concurrency ?? 64);
  const pollOne = async ({ outlet, source }: SelectedSource): Promise<SourceReport> => {
    const base = { sourceId: source.sourceId, outletId: outlet.id, url: source.url };
    const state = states.get(source.sourceId) ?? initialState(source.sourceId, source.url, outlet.id);
    if (input.onlyDue && !isDue(states.get(source.sourceId), now)) return { ...base, status: 'skipped' };
    const outcome = await pollSource(outlet, source, states.get(source.sourceId), ctx);
    const at = new Date();
    let next: SourceState;
    let report: SourceReport;
    switch (outcome.status) {
      case 'error':
        next = recordFailure(state, outcome.error as FeedError, at);
        report = {
          ...base,
          status: 'error',
          error: { kind: outcome.error.kind, message: outcome.error.message },
        };
        log(`poll ${source.url}: ${outcome.error.kind}: ${outcome.error.message}`);
        break;
      case 'deferred':
        next = recordDeferral(state, outcome.until, at);
        report = { ...base, status: 'deferred', deferredUntil: outcome.until.toISOString() };
        break;
      case 'unchanged':
        next = recordSuccess(state, at);
        report = { ...base, status: 'unchanged', items: [], finalUrl: outcome.finalUrl };
        break;
      case 'items':
        try {
          await input.onItems?.(outlet, source, outcome.items);
          const { written } = await input.sink.store(outlet, source, outcome.items, now.toISOString());
          next = recordSuccess(state, at, {
            itemCount: outcome.items.length,
            etag: outcome.etag,
            lastModified: outcome.lastModified,
          });
          report = { ...base, status: 'items', items: outcome.items, written, finalUrl: outcome.finalUrl };
        } catch (error) {
          log(`store ${source.url}: ${(error as Error).message}`);
          return { ...base, status: 'error', error: { kind: 'storage', message: (error as Error).message } };
        }
        break;
    }
    await input.stateStore.save(next);
    return report;
  };
  try {
    return await Promise.all(selected.map((entry) => limit(() => pollOne(entry))));
  } finally {
    await agent.close();
  }
}
