// Use case: queue every due press source for polling.
//   Input:  the outlet registry, the feed state store, the queue, the time now.
//   Output: how many sources and batches were queued.
//   Steps:  read every source's state → keep the due ones (not deferred, not backing off) →
//           cut them into batches → enqueue.
// Batches keep one worker invocation short; the design carries 10,000 sources the same way.
import { enabledSources, type OutletRegistry } from '../config/outlets.ts';
import type { Roster } from '../config/roster.ts';
import { isDue, notPolledFirst } from '../feeds/poll/feed-health.ts';
import type { FeedStateStore } from '../feeds/poll/ports.ts';
import { searchIsDue, searchTargets } from '../reach/search-sources.ts';
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
  /** With a roster, the registry's news-search queries are queued too (each at most hourly). */
  roster?: Roster;
  /** Carried in every batch to the workers that poll it. */
  correlationId?: string;
}): Promise<{ sources: number; batches: number }> {
  const sources = enabledSources(input.registry).map(({ source }) => source.sourceId);
  const targets = input.roster ? searchTargets(input.registry, input.roster) : [];
  const states = await input.stateStore.load([...sources, ...targets.map((t) => t.sourceId)]);
  // Sources the last run could not reach go into the first batches.
  const dueFeeds = notPolledFirst(
    input.all ? sources : sources.filter((id) => isDue(states.get(id), input.now)),
    (id) => states.get(id),
  );
  const dueSearches = targets
    .filter((target) => input.all || searchIsDue(target, states.get(target.sourceId), input.now))
    .map((target) => target.sourceId);
  const batches: PollBatch[] = [
    ...cut(dueFeeds, sourcesPerBatch, input.now, input.correlationId),
    // A search query runs one after another per engine and resolves its results' links, so a
    // worker takes fewer of them to stay well inside its timeout.
    ...cut(dueSearches, searchesPerBatch, input.now, input.correlationId),
  ];
  await input.queue.enqueue(batches);
  return { sources: dueFeeds.length + dueSearches.length, batches: batches.length };
}

/** Search queries per batch. */
export const searchesPerBatch = 5;

function cut(ids: string[], size: number, now: Date, correlationId?: string): PollBatch[] {
  const batches: PollBatch[] = [];
  for (let offset = 0; offset < ids.length; offset += size) {
    batches.push({
      sourceIds: ids.slice(offset, offset + size),
      dispatchedAt: now.toISOString(),
      ...(correlationId ? { correlationId } : {}),
    });
  }
  return batches;
}
