// Entry point of the dispatcher, started by the poll schedule: queues the due sources and records the
// run for /api/status. `createDispatchHandler` takes its queue and stores (the local stack passes its
// in-process queue); `handler` builds SQS and DynamoDB clients from the environment on first use.
import { randomUUID } from 'node:crypto';
import type { OutletRegistry } from '#shared/config/outlets.ts';
import type { Roster } from '#shared/config/roster.ts';
import type { FeedStateStore } from '#shared/feeds/poll/ports.ts';
import { dispatchDueSources } from '#shared/ingest/dispatch-due-sources.ts';
import type { PollQueue } from '#shared/ingest/poll-queue.ts';
import { metricNames } from '#shared/observability/metric-names.ts';
import type { MetricsSink } from '#shared/observability/metrics-port.ts';
import { lazyHandler } from '#shared/runtime/lazy-handler.ts';
import { recordedRun, type ScheduleRun } from '#shared/store/schedule-runs.ts';
import type { TableContext } from '#shared/store/table-context.ts';

/** What the dispatcher works with. */
export interface DispatchDependencies {
  table: TableContext;
  registry: OutletRegistry | Promise<OutletRegistry>;
  /** Turns the registry's news-search sources into queries, queued like feeds. */
  roster?: Roster;
  stateStore: FeedStateStore;
  queue: PollQueue;
  log: (message: string, detail?: Record<string, unknown>) => void;
  now?: () => Date;
  /** Receives the run's metrics (EMF in the cloud). */
  metrics?: MetricsSink;
  /** Adds the run's correlation id to every later log line (Powertools `appendKeys`). */
  correlate?: (correlationId: string) => void;
}

/** The event EventBridge Scheduler sends; `all` (local demo, operator) queues every enabled source. */
export interface DispatchEvent {
  scheduleId?: string;
  all?: boolean;
  /** The scheduler's execution id; it names the run in the logs of the dispatcher and its workers. */
  executionId?: string;
}

/** The dispatch handler over the given dependencies; it answers with the recorded run. */
export function createDispatchHandler(deps: DispatchDependencies) {
  return async (event: DispatchEvent = {}): Promise<ScheduleRun> => {
    const correlationId = event.executionId ?? randomUUID();
    deps.correlate?.(correlationId);
    return recordedRun(deps.table, event.scheduleId ?? 'poll-press', async () => {
      const result = await dispatchDueSources({
        registry: await deps.registry,
        ...(deps.roster ? { roster: deps.roster } : {}),
        stateStore: deps.stateStore,
        queue: deps.queue,
        now: deps.now?.() ?? new Date(),
        all: event.all ?? false,
        correlationId,
      });
      deps.log('dispatched', { ...result, correlationId });
      deps.metrics?.record({ name: metricNames.sourcesDispatched, value: result.sources, unit: 'Count' });
      deps.metrics?.flush();
      return {
        detail: `${result.sources} sources in ${result.batches} batches`,
        summary: { code: 'poll-dispatched', values: { sources: result.sources, batches: result.batches } },
      };
    });
  };
}

/** The deployed handler: SQS from POLL_QUEUE_URL, the table from TABLE_NAME. */
export const handler = lazyHandler(async () => {
  const { dispatchDependenciesFromEnv } = await import('./dispatch-dependencies.ts');
  return createDispatchHandler(await dispatchDependenciesFromEnv());
});
