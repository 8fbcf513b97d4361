// The dispatcher's dependencies in the cloud: SQS for the queue, the table for feed state and runs.
import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { requiredEnv, tableSettingsFromEnv } from '#shared/config/settings.ts';
import { sqsPollQueue } from '#shared/ingest/sqs-poll-queue.ts';
import { powertoolsMetrics } from '#shared/observability/powertools-metrics.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import type { DispatchDependencies } from './handler.ts';

/** Builds the dependencies from TABLE_NAME, POLL_QUEUE_URL, OUTLETS_FILE and ROSTER_FILE. */
export async function dispatchDependenciesFromEnv(): Promise<DispatchDependencies> {
  const logger = new Logger({ serviceName: 'dispatch' });
  const settings = tableSettingsFromEnv();
  const table = { db: createDocumentClient(createDynamoClient(settings)), tableName: settings.tableName };
  return {
    table,
    registry: await loadOutlets(resolveOutletsPath()),
    roster: loadRoster(resolveRosterPath()),
    stateStore: dynamoFeedStateStore(table),
    queue: sqsPollQueue(new SQSClient({}), requiredEnv('POLL_QUEUE_URL')),
    log: (message, detail) => logger.info(message, detail ?? {}),
    metrics: powertoolsMetrics('dispatch'),
    correlate: (correlationId) => logger.appendKeys({ correlationId }),
  };
}
