// Measures what polling costs on the real dispatch → queue → scrape-worker path, locally: DynamoDB
// Local with ReturnConsumedCapacity on every request, one loopback feed server per source (so the
// per-origin limit does not serialise them), and the worker behind the in-process SQS queue.
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ConsumedCapacity.html
import { createServer, type Server } from 'node:http';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { parseOutlets } from '#shared/config/outlets.ts';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import { articleSink } from '#shared/ingest/article-sink.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { collectingMetrics } from '#shared/observability/metrics-port.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import { createDispatchHandler } from '../../functions/dispatch/handler.ts';
import { createScrapeWorkerHandler } from '../../functions/scrape-worker/handler.ts';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';
import { ensureTable } from '../../infra/local/ensure-table.ts';
import { inProcessSqsQueue } from '../../infra/local/in-process-sqs-queue.ts';
import type { PollMeasurement, RunCounts } from './cost-model.ts';

const itemsPerFeed = 2;

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Polls `sources` loopback feeds twice (all new, then all unchanged) and counts what each poll used. */
export async function measurePollRun(
  sources: number,
  progress: (line: string) => void,
): Promise<PollMeasurement> {
  const dynamo = await startDynamoDbLocal();
  const servers: Server[] = [];
  try {
    const client = createDynamoClient({ endpoint: dynamo.endpoint });
    await ensureTable(client, 'cost-measure');
    const db = createDocumentClient(client);
    const counts = emptyCounts();
    db.middlewareStack.add(
      (next, context) => async (args) => {
        (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
        const output = await next(args);
        const consumed = (output.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        const write = /Put|Update|Delete|Write/.test(context.commandName ?? '');
        for (const capacity of [consumed ?? []].flat()) {
          const units = capacity.CapacityUnits ?? 0;
          counts.readUnits += capacity.ReadCapacityUnits ?? (write ? 0 : units);
          counts.writeUnits += capacity.WriteCapacityUnits ?? (write ? units : 0);
        }
        counts.dynamoRequests += 1;
        return output;
      },
      { step: 'initialize', name: 'countCapacity' },
    );
    const urls = await startFeeds(sources, servers);
    const registry = parseOutlets(
      {
        allowPrivateAddresses: ['127.0.0.0/8'],
        outlets: urls.map((url, i) => ({
          id: `cost-${i}`,
          name: `Cost ${i}`,
          languages: ['az'],
          homepage: url,
          sources: [{ type: 'feed', url }],
        })),
      },
      'cost registry',
    );
    const table = { db, tableName: 'cost-measure' };
    const stateStore = dynamoFeedStateStore(table);
    const metrics = collectingMetrics();
    const worker = createScrapeWorkerHandler({
      registry,
      storage: {
        stateStore,
        sink: articleSink(table, compileMatcher(loadRoster(defaultRosterPath))),
        close: async () => {},
      },
      log: () => {},
      metrics,
    });
    const timedWorker = async (event: SQSEvent): Promise<SQSBatchResponse> => {
      const started = performance.now();
      try {
        return await worker(event);
      } finally {
        counts.workerMs += performance.now() - started;
        counts.workerInvocations += 1;
      }
    };
    const sqs = inProcessSqsQueue(timedWorker, () => {});
    const dispatch = createDispatchHandler({
      table,
      registry,
      stateStore,
      queue: {
        enqueue: async (batches) => {
          counts.sqsMessages += batches.length;
          counts.sqsSendCalls += Math.ceil(batches.length / 10);
          await sqs.enqueue(batches);
        },
      },
      log: () => {},
    });
    const poll = async (): Promise<RunCounts> => {
      Object.assign(counts, emptyCounts());
      const started = performance.now();
      await dispatch({ scheduleId: 'poll-press', all: true });
      // The dispatcher's own time is the run's wall time less the workers it waited for.
      counts.dispatchMs = Math.max(0, performance.now() - started - counts.workerMs / 4);
      return { ...counts };
    };
    progress(`cost: first poll of ${sources} loopback sources (every item new)`);
    const fresh = await poll();
    progress('cost: second poll (every source unchanged)');
    const steady = await poll();
    const series = new Set(
      metrics.points.map((point) => `${point.name} ${JSON.stringify(point.dimensions ?? {})}`),
    );
    return {
      sources,
      fresh: { ...fresh, itemsNew: sources * itemsPerFeed },
      steady,
      // The dispatcher's SourcesDispatched is the one series not in the worker's sink.
      pipelineMetricSeries: series.size + 1,
    };
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await dynamo.stop();
  }
}

function emptyCounts(): RunCounts {
  return {
    readUnits: 0,
    writeUnits: 0,
    dynamoRequests: 0,
    workerInvocations: 0,
    workerMs: 0,
    dispatchMs: 0,
    sqsMessages: 0,
    sqsSendCalls: 0,
  };
}

/** One RSS server per source on 127.0.0.1, answering 304 to its own ETag. */
async function startFeeds(count: number, servers: Server[]): Promise<string[]> {
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = rssOf(i);
    const server = createServer((req, res) => {
      if (req.headers['if-none-match'] === `"v${i}"`) {
        res.writeHead(304, { etag: `"v${i}"` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: `"v${i}"` }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const address = server.address();
    if (address && typeof address === 'object') urls.push(`http://127.0.0.1:${address.port}/feed.xml`);
  }
  return urls;
}

function rssOf(i: number): string {
  const items = Array.from(
    { length: itemsPerFeed },
    (_, k) =>
      `<item><title>Xəbər ${i}-${k}: Dövlət Miqrasiya Xidməti yanında İctimai Şura</title><link>https://o${i}.example/${k}</link><guid>o${i}-${k}</guid><pubDate>Mon, 23 Nov 2026 08:00:00 +0400</pubDate><description>Şuranın iclası keçirilib.</description></item>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet ${i}</title><link>https://o${i}.example/</link>${items}</channel></rss>`;
}
