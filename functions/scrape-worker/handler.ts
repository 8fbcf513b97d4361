// Entry point of a scrape worker: polls the sources of each SQS message and reports the messages
// whose storing failed, so only those are retried (and land in the dead-letter queue after three tries).
// `createScrapeWorkerHandler` takes the registry and storage (the local stack passes its own and feeds
// it SQS-shaped events); `handler` opens them from the environment on the first message.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { OutletRegistry } from '#shared/config/outlets.ts';
import type { PollStorage } from '#shared/feeds/poll/ports.ts';
import { parsePollBatch } from '#shared/ingest/poll-queue.ts';
import { processPollBatch } from '#shared/ingest/process-poll-batch.ts';
import type { MetricsSink } from '#shared/observability/metrics-port.ts';
import { lazyHandler } from '#shared/runtime/lazy-handler.ts';
import { countingSink, recordPollMetrics } from './poll-metrics.ts';

/** What a worker polls with. */
export interface ScrapeWorkerDependencies {
  registry: OutletRegistry;
  storage: PollStorage;
  /** Receives a warning per problem and one summary per message. */
  log: (message: string, detail?: Record<string, unknown>) => void;
  /** Receives each message's metrics (EMF in the cloud). */
  metrics?: MetricsSink;
  /** Puts the batch's correlation id on every log line until the next call (Powertools `appendKeys`). */
  correlate?: (correlationId: string | undefined) => void;
}

/** The worker handler over the given dependencies. */
export function createScrapeWorkerHandler(deps: ScrapeWorkerDependencies) {
  const processor = new BatchProcessor(EventType.SQS);
  const counted = countingSink(deps.storage);
  async function pollRecord(record: SQSRecord): Promise<void> {
    const batch = parsePollBatch(record.body);
    deps.correlate?.(batch.correlationId);
    const reports = await processPollBatch(batch, deps.registry, counted.storage, (line) => deps.log(line));
    deps.log('polled', {
      sources: reports.length,
      written: reports.reduce((sum, report) => sum + (report.written ?? 0), 0),
      failed: reports.filter((report) => report.status === 'error').length,
    });
    if (deps.metrics) recordPollMetrics(deps.metrics, batch, reports, counted.take(), deps.storage);
  }
  return (event: SQSEvent): Promise<SQSBatchResponse> => processPartialResponse(event, pollRecord, processor);
}

/** The deployed handler: table from TABLE_NAME, registry and roster from the bundled files. */
export const handler = lazyHandler(async () => {
  const { scrapeWorkerDependenciesFromEnv } = await import('./scrape-worker-dependencies.ts');
  return createScrapeWorkerHandler(await scrapeWorkerDependenciesFromEnv());
});
