// The worker's metrics: what one queued batch polled, wrote and found, counted at the sinks so
// the use cases stay free of metric code.
import type { SourceReport } from '#shared/feeds/poll/poll-sources.ts';
import type { IngestionStorage } from '#shared/ingest/open-ingestion.ts';
import type { PollBatch } from '#shared/ingest/poll-queue.ts';
import { metricNames } from '#shared/observability/metric-names.ts';
import type { MetricsSink } from '#shared/observability/metrics-port.ts';

/** What the sinks stored since the last `take`. */
export interface StoredCounts {
  mentions: number;
  leads: number;
}

/** Wraps the storage's sinks so each store call adds its mentions and leads to the counts. */
export function countingSink(storage: IngestionStorage): { storage: IngestionStorage; take(): StoredCounts } {
  let counts: StoredCounts = { mentions: 0, leads: 0 };
  const searches = storage.searches;
  const counted: IngestionStorage = {
    ...storage,
    sink: {
      ...storage.sink,
      store: async (...args) => {
        const result = await storage.sink.store(...args);
        counts.mentions += result.mentions ?? 0;
        return result;
      },
    },
    ...(searches
      ? {
          searches: {
            ...searches,
            sink: {
              store: async (...args) => {
                const result = await searches.sink.store(...args);
                counts.leads += result.leads;
                return result;
              },
            },
          },
        }
      : {}),
  };
  return {
    storage: counted,
    take() {
      const taken = counts;
      counts = { mentions: 0, leads: 0 };
      return taken;
    },
  };
}

/** Records one batch's counts and publishes them as one EMF document (plus one per failure kind). */
export function recordPollMetrics(
  metrics: MetricsSink,
  batch: PollBatch,
  reports: SourceReport[],
  stored: StoredCounts,
  storage: IngestionStorage,
): void {
  const count = (name: (typeof metricNames)[keyof typeof metricNames], value: number) =>
    metrics.record({ name, value, unit: 'Count' });
  const failed = reports.filter((report) => report.status === 'error');
  const searchIds = new Set((storage.searches?.targets ?? []).map((target) => target.sourceId));
  count(metricNames.sourcesPolled, reports.filter((report) => report.status !== 'not-polled').length);
  count(metricNames.sourcesUnchanged, reports.filter((report) => report.status === 'unchanged').length);
  count(metricNames.sourcesFailed, failed.length);
  count(
    metricNames.itemsNew,
    reports.reduce((sum, report) => sum + (report.written ?? 0), 0),
  );
  count(metricNames.mentionsFound, stored.mentions);
  count(metricNames.leads, stored.leads);
  count(metricNames.searchQueries, batch.sourceIds.filter((id) => searchIds.has(id)).length);
  const byKind = new Map<string, number>();
  for (const report of failed) {
    const kind = report.error?.kind ?? 'unknown';
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  for (const [kind, value] of byKind) {
    metrics.record({ name: metricNames.sourcesFailed, value, unit: 'Count', dimensions: { kind } });
  }
  metrics.flush();
}
