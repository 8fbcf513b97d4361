// Checks every source of a registry through the poll path, storing nothing: one poll for the
// result, items and newest item, then a conditional repeat of each answer that carried validators,
// which shows whether the server really answers 304 (RFC 9110 §13.1) or only sends the headers.
import type { OutletRegistry } from '#shared/config/outlets.ts';
import { pollSources, type SelectedSource, type SourceReport } from '#shared/feeds/poll/poll-sources.ts';
import type { FeedItem, ItemSink } from '#shared/feeds/poll/ports.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';

/** How a server treats conditional GET: 304 on a repeat, validators but a full answer, or none. */
export type ConditionalSupport = 'yes' | 'ignored' | 'no' | 'unknown';

/** One row of the check. */
export interface SourceCheck {
  outlet: string;
  source: string;
  enabled: boolean;
  /** ok, unchanged (304 to stored validators), deferred (Retry-After), or the error kind. */
  result: string;
  error?: string;
  items: number;
  /** The newest item's date, ISO UTC. */
  newest?: string;
  conditionalGet: ConditionalSupport;
  /** Set when the source answered from another address. */
  finalUrl?: string;
}

/** Input of a check. */
export interface CheckInput {
  registry: OutletRegistry;
  sources: SelectedSource[];
  /** Validators to start from, e.g. those of earlier dry runs. */
  stateStore?: MemoryFeedStateStore;
  /** Called as each source of the first pass completes. */
  onProgress?: (done: number, total: number, url: string) => void;
}

// A sink that stores nothing: a check only looks.
const nothingSink: ItemSink = { store: async () => ({ written: 0 }) };

const newestOf = (items: FeedItem[]): string | undefined =>
  items.reduce<string | undefined>(
    (max, i) => (i.published && (!max || i.published > max) ? i.published : max),
    undefined,
  );

function resultOf(report: SourceReport): string {
  if (report.status === 'items') return 'ok';
  if (report.status === 'error') return report.error?.kind ?? 'error';
  return report.status;
}

/** Polls each selected source once (retrying once), then repeats conditionally where validators came back. */
export async function checkSources(input: CheckInput): Promise<SourceCheck[]> {
  const store = input.stateStore ?? new MemoryFeedStateStore();
  let done = 0;
  const counting = {
    load: (ids: string[]) => store.load(ids),
    save: async (state: Parameters<MemoryFeedStateStore['save']>[0]) => {
      await store.save(state);
      input.onProgress?.(++done, input.sources.length, state.url);
    },
  };
  const options = { registry: input.registry, sink: nothingSink, maxRetries: 1, deadlineMs: 30_000 };
  const first = await pollSources({ ...options, sources: input.sources, stateStore: counting });
  const hasValidators = (sourceId: string) => {
    const state = store.states.get(sourceId);
    return Boolean(state?.etag || state?.lastModified);
  };
  const repeat = input.sources.filter((_, i) => {
    const report = first[i];
    return report?.status === 'items' && hasValidators(report.sourceId);
  });
  const second = new Map(
    (await pollSources({ ...options, sources: repeat, stateStore: store })).map((r) => [r.sourceId, r]),
  );
  return first.map((report, i) => {
    const selected = input.sources[i] as SelectedSource;
    const again = second.get(report.sourceId);
    let conditionalGet: ConditionalSupport = 'unknown';
    if (report.status === 'unchanged' || again?.status === 'unchanged') conditionalGet = 'yes';
    else if (again?.status === 'items') conditionalGet = 'ignored';
    else if (report.status === 'items' && !again) conditionalGet = 'no';
    const newest = newestOf(report.items ?? []);
    return {
      outlet: report.outletId,
      source: report.url,
      enabled: selected.outlet.enabled && selected.source.enabled,
      result: resultOf(report),
      ...(report.error ? { error: report.error.message } : {}),
      items: report.items?.length ?? 0,
      ...(newest ? { newest } : {}),
      conditionalGet,
      ...(report.finalUrl && report.finalUrl !== report.url ? { finalUrl: report.finalUrl } : {}),
    };
  });
}
