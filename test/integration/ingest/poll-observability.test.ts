// A poll run on the real dispatch → queue → worker path against DynamoDB Local and feeds on 127.0.0.1:
// the scheduler's execution id travels in every queued batch into every worker log line (through a
// real Powertools Logger), and the worker's metrics count what the run polled, wrote and failed.
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { articleSink } from '#shared/ingest/article-sink.ts';
import type { PollBatch } from '#shared/ingest/poll-queue.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { correlatedLogger } from '#shared/observability/correlated-logger.ts';
import { metricNames } from '#shared/observability/metric-names.ts';
import { collectingMetrics } from '#shared/observability/metrics-port.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import { createDispatchHandler } from '../../../functions/dispatch/handler.ts';
import { createScrapeWorkerHandler } from '../../../functions/scrape-worker/handler.ts';
import { inProcessSqsQueue } from '../../../infra/local/in-process-sqs-queue.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FeedServer, fixed, registryOf, startFeedServer } from '../../helpers/feed-server.ts';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test press</title><link>https://press.example/</link>
<item><title>Azər Allahverənovun miqrasiya təklifləri</title><link>https://press.example/az/1</link>
<guid>az-1</guid><pubDate>Mon, 23 Nov 2026 08:00:00 +0400</pubDate>
<description>Dövlət Miqrasiya Xidməti yanında İctimai Şuranın sədri çıxış edib.</description></item>
<item><title>Hava proqnozu</title><link>https://press.example/az/3</link><guid>az-3</guid>
<pubDate>Tue, 24 Nov 2026 11:00:00 +0400</pubDate><description>Sabah yağış gözlənilir.</description></item>
</channel></rss>`;

let server: FeedServer;
let table: Awaited<ReturnType<typeof createTestTable>>;

beforeAll(async () => {
  server = await startFeedServer({ '/rss': fixed(rss, 'application/rss+xml; charset=utf-8') });
  table = await createTestTable();
});
afterAll(async () => {
  await server.close();
  await table.drop();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Captures the JSON lines the test's Powertools Logger writes to stdout and stderr. */
function captureLogLines(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (!text.includes('"service":"scrape-worker-test"')) return write(chunk as string, ...(rest as []));
      for (const line of text.split('\n')) {
        if (line.startsWith('{')) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      return true;
    });
  }
  return lines;
}

describe('a poll run seen through its logs and metrics', () => {
  it('carries the execution id into every worker log line and counts the run', async () => {
    const registry = registryOf([server.url('/rss'), server.url('/missing')]);
    const context = { db: table.documentClient, tableName: table.tableName };
    const stateStore = dynamoFeedStateStore(context);
    const lines = captureLogLines();
    const logger = new Logger({ serviceName: 'scrape-worker-test', logLevel: 'INFO' });
    const workerMetrics = collectingMetrics();
    const worker = createScrapeWorkerHandler({
      registry,
      storage: {
        stateStore,
        sink: articleSink(context, compileMatcher(loadRoster(defaultRosterPath))),
        close: async () => {},
      },
      ...correlatedLogger(logger),
      metrics: workerMetrics,
    });
    const queued: PollBatch[] = [];
    const queue = inProcessSqsQueue(worker, () => {});
    const dispatchMetrics = collectingMetrics();
    const dispatch = createDispatchHandler({
      table: context,
      registry,
      stateStore,
      queue: {
        enqueue: async (batches) => {
          queued.push(...batches);
          await queue.enqueue(batches);
        },
      },
      log: () => {},
      metrics: dispatchMetrics,
    });

    const run = await dispatch({ scheduleId: 'poll-press', executionId: 'exec-42', all: true });

    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((batch) => batch.correlationId === 'exec-42')).toBe(true);
    // One warning for the missing feed and one summary, at least; every one names the run.
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.map((line) => line.correlationId)).toEqual(lines.map(() => 'exec-42'));
    expect(dispatchMetrics.total(metricNames.sourcesDispatched)).toBe(2);
    expect(run.summary).toEqual({ code: 'poll-dispatched', values: { sources: 2, batches: queued.length } });
    expect(run.detail).toBe(`2 sources in ${queued.length} batches`);
    expect(workerMetrics.total(metricNames.sourcesPolled)).toBe(2);
    expect(workerMetrics.total(metricNames.itemsNew)).toBe(2);
    expect(workerMetrics.total(metricNames.mentionsFound)).toBeGreaterThanOrEqual(1);
    const failures = workerMetrics.points.filter((point) => point.name === metricNames.sourcesFailed);
    expect(failures.find((point) => !point.dimensions)?.value).toBe(1);
    expect(failures.filter((point) => point.dimensions?.kind).map((point) => point.value)).toEqual([1]);
  }, 60_000);
});
