// Use case: queue every due press source for polling.
//   Input:  the outlet registry, the feed state store, the queue, the time now.
//   Output: how many sources and batches were queued.
//   Steps:  read every source's state → keep the due ones (not deferred, not backing off) →
//           cut them into batches → enqueue.
// Batches keep one worker invocation short; the design carries 10,000 sources the same way.
import { enabledSources, type OutletRegistry } from '../config/outlets.ts';
import { isDue, notPolledFirst } from '../feeds/poll/feed-health.ts';
import type { FeedStateStore } from '../feeds/poll/ports.ts';
import type { PollBatch, PollQueue } from './poll-queue.ts';

/** Sources per batch: about a minute of work for one worker at the per-origin politeness limits. */
export const sourcesPerBatch = 25;

/** Queues the due sources and reports what was queued. */
export async function dispatchDueSources(input: {
  registry: OutletRegistry;
  stateStore: FeedStateStore;
  queue: PollQueue;
  now: Date;
  /** Poll every enabled source, due or not (the CLI's --once). */
  all?: boolean;
}): Promise<{ sources: number; batches: number }> {
  const sources = enabledSources(input.registry).map(({ source }) => source.sourceId);
  const states = await input.stateStore.load(sources);
  // Sources the last run could not reach go into the first batches.
  const due = notPolledFirst(
    input.all ? sources : sources.filter((id) => isDue(states.get(id), input.now)),
    (id) => states.get(id),
  );
  const batches: PollBatch[] = [];
  for (let offset = 0; offset < due.length; offset += sourcesPerBatch) {
    batches.push({
      sourceIds: due.slice(offset, offset + sourcesPerBatch),
      dispatchedAt: input.now.toISOString(),
    });
  }
  await input.queue.enqueue(batches);
  return { sources: due.length, batches: batches.length };
}
