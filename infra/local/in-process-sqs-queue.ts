// The poll queue of the local stack: each batch becomes one SQS-shaped event (batch size 1, as the
// cloud's event source is configured) delivered to the scrape worker's handler, a few at a time.
import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import pLimit from 'p-limit';
import type { PollQueue } from '#shared/ingest/poll-queue.ts';

/** Workers running at once, as the SQS event source's maximum concurrency does in the cloud. */
const workerConcurrency = 4;

/** A PollQueue whose messages go straight to `worker`; messages it reports failed are logged. */
export function inProcessSqsQueue(
  worker: (event: SQSEvent) => Promise<SQSBatchResponse>,
  log: (line: string) => void,
): PollQueue {
  const limit = pLimit(workerConcurrency);
  // A worker that throws (every record failed) fails its whole event, as Lambda reports it to SQS.
  async function deliver(body: string): Promise<SQSBatchResponse> {
    const event = sqsEvent(body);
    try {
      return await worker(event);
    } catch (error) {
      log(`scrape worker failed: ${(error as Error).message}`);
      return { batchItemFailures: event.Records.map((record) => ({ itemIdentifier: record.messageId })) };
    }
  }
  return {
    async enqueue(batches) {
      const responses = await Promise.all(
        batches.map((batch) => limit(() => deliver(JSON.stringify(batch)))),
      );
      const failed = responses.flatMap((response) => response.batchItemFailures);
      log(
        `poll: ${batches.length} batches delivered to the scrape worker` +
          (failed.length > 0 ? `, ${failed.length} failed (the cloud would retry them)` : ''),
      );
    },
  };
}

/** One SQS record as Lambda's event source delivers it. */
export function sqsEvent(body: string): SQSEvent {
  const now = String(Date.now());
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: randomUUID(),
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: now,
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: now,
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:poll-queue',
        awsRegion: 'local',
      },
    ],
  };
}
