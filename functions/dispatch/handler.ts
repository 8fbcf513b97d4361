// Entry point of the dispatcher, started by the poll schedule: queues the due sources on SQS and
// records the run for /api/status.
import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import middy from '@middy/core';
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { requiredEnv, tableSettingsFromEnv } from '#shared/config/settings.ts';
import { dispatchDueSources } from '#shared/ingest/dispatch-due-sources.ts';
import { sqsPollQueue } from '#shared/ingest/sqs-poll-queue.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import { recordedRun } from '#shared/store/schedule-runs.ts';

const logger = new Logger({ serviceName: 'dispatch' });
const settings = tableSettingsFromEnv();
const table = { db: createDocumentClient(createDynamoClient(settings)), tableName: settings.tableName };
const queue = sqsPollQueue(new SQSClient({}), requiredEnv('POLL_QUEUE_URL'));
const registryLoading = loadOutlets(resolveOutletsPath());

/** Queues the due sources; the schedule's id arrives as the event's `scheduleId`, else poll-press. */
export async function lambdaHandler(event: { scheduleId?: string } = {}) {
  return recordedRun(table, event.scheduleId ?? 'poll-press', async () => {
    const result = await dispatchDueSources({
      registry: await registryLoading,
      // The roster turns the registry's news-search sources into queries, queued like feeds.
      roster: loadRoster(resolveRosterPath()),
      stateStore: dynamoFeedStateStore(table),
      queue,
      now: new Date(),
    });
    logger.info('dispatched', result);
    return `${result.sources} sources in ${result.batches} batches`;
  });
}

export const handler = middy<{ scheduleId?: string }>().handler(lambdaHandler);
