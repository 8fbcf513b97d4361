// The SQS adapter of the poll queue: ten messages per SendMessageBatch call, SQS's limit.
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { PollBatch, PollQueue } from './poll-queue.ts';

/** A PollQueue that sends each batch as one SQS message. */
export function sqsPollQueue(client: SQSClient, queueUrl: string): PollQueue {
  return {
    async enqueue(batches) {
      for (let offset = 0; offset < batches.length; offset += 10) {
        const entries = batches.slice(offset, offset + 10).map((batch: PollBatch, index) => ({
          Id: String(offset + index),
          MessageBody: JSON.stringify(batch),
        }));
        const output = await client.send(
          new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }),
        );
        if (output.Failed && output.Failed.length > 0) {
          throw new Error(
            `SQS refused ${output.Failed.length} poll batches: ${output.Failed[0]?.Message ?? 'unknown'}`,
          );
        }
      }
    },
  };
}
