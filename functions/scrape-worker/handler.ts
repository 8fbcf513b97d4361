// Entry point of a scrape worker: polls the sources of each SQS message and reports the messages
// whose storing failed, so only those are retried (and land in the dead-letter queue after three tries).
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { resolveOutletsPath } from '#shared/config/outlets.ts';
import { resolveRosterPath } from '#shared/config/roster.ts';
import { tableSettingsFromEnv } from '#shared/config/settings.ts';
import { openIngestion } from '#shared/ingest/open-ingestion.ts';
import { parsePollBatch } from '#shared/ingest/poll-queue.ts';
import { processPollBatch } from '#shared/ingest/process-poll-batch.ts';

const logger = new Logger({ serviceName: 'scrape-worker' });
const processor = new BatchProcessor(EventType.SQS);
const ingestionOpening = openIngestion({
  table: tableSettingsFromEnv(),
  outletsPath: resolveOutletsPath(),
  rosterPath: resolveRosterPath(),
});

async function pollRecord(record: SQSRecord): Promise<void> {
  const ingestion = await ingestionOpening;
  const reports = await processPollBatch(
    parsePollBatch(record.body),
    ingestion.registry,
    ingestion.storage,
    (line) => logger.warn(line),
  );
  logger.info('polled', {
    sources: reports.length,
    written: reports.reduce((sum, report) => sum + (report.written ?? 0), 0),
    failed: reports.filter((report) => report.status === 'error').length,
  });
}

/** Processes one SQS event. */
export const lambdaHandler = (event: SQSEvent) => processPartialResponse(event, pollRecord, processor);

export const handler = middy<SQSEvent>().handler(lambdaHandler);
