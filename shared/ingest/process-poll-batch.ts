// Use case: poll one queued batch of sources and store what is new.
//   Input:  a batch of source ids, the registry, the poll storage.
//   Output: one report per source.
//   Steps:  resolve the ids against the registry (unknown ids are logged and dropped: the registry
//           changed since dispatch) → poll → fail the batch if storing failed, so the queue retries it;
//           feed failures are data on the source and never fail the batch.
import { enabledSources, type OutletRegistry } from '../config/outlets.ts';
import { pollSources, type SourceReport } from '../feeds/poll/poll-sources.ts';
import type { PollStorage } from '../feeds/poll/ports.ts';
import type { PollBatch } from './poll-queue.ts';

/** Thrown when any source's items could not be stored; the batch is retried as a whole. */
export class StorageFailedError extends Error {
  constructor(readonly reports: SourceReport[]) {
    super(`Storing failed for ${reports.map((report) => report.url).join(', ')}`);
    this.name = 'StorageFailedError';
  }
}

/** Polls the batch's sources. */
export async function processPollBatch(
  batch: PollBatch,
  registry: OutletRegistry,
  storage: PollStorage,
  log: (line: string) => void,
): Promise<SourceReport[]> {
  const wanted = new Set(batch.sourceIds);
  const sources = enabledSources(registry).filter(({ source }) => wanted.has(source.sourceId));
  const known = new Set(sources.map(({ source }) => source.sourceId));
  for (const id of wanted) if (!known.has(id)) log(`poll batch: source ${id} is no longer in the registry`);
  const reports = await pollSources({
    registry,
    sources,
    stateStore: storage.stateStore,
    sink: storage.sink,
    log,
  });
  const storageFailures = reports.filter((report) => report.error?.kind === 'storage');
  if (storageFailures.length > 0) throw new StorageFailedError(storageFailures);
  return reports;
}
