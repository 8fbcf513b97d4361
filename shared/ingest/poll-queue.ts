// The queue between the dispatcher and the scrape workers: SQS in the cloud, in process locally.
import * as z from 'zod';
import { ValidationError } from '../errors.ts';

/** One queued unit of work: a handful of sources one worker polls together. */
export interface PollBatch {
  sourceIds: string[];
  dispatchedAt: string;
  /** Names the dispatch run the batch came from, so every log line of the poll can be joined to it. */
  correlationId?: string;
}

/** Where the dispatcher puts batches. */
export interface PollQueue {
  enqueue(batches: PollBatch[]): Promise<void>;
}

const pollBatchSchema = z.object({
  sourceIds: z.array(z.string().min(1)).min(1).max(100),
  dispatchedAt: z.string(),
  correlationId: z.string().max(200).optional(),
});

/** Parses a queued message body, rejecting anything that is not a batch. */
export function parsePollBatch(body: string): PollBatch {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (cause) {
    throw new ValidationError('poll batch: body is not JSON', { cause });
  }
  const parsed = pollBatchSchema.safeParse(value);
  if (!parsed.success) {
    throw new ValidationError(
      `poll batch: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
