// Use case: poll one queued batch of sources and store what is new.
//   Input:  a batch of source ids, the registry, the poll storage.
//   Output: one report per source.
//   Steps:  resolve the ids against the registry (unknown ids are logged and dropped: the registry
//           changed since dispatch) → poll → fail the batch if storing failed, so the queue retries it;
//           feed failures are data on the source and never fail the batch.
import { enabledSources, type OutletRegistry } from '../config/outlets.ts';
import { pollSources, type SourceReport } from '../feeds/poll/poll-sources.ts';
import { runSearches } from '../reach/run-searches.ts';
import type { IngestionStorage } from './open-ingestion.ts';
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
  storage: IngestionStorage,
  log: (line: string) => void,
): Promise<SourceReport[]> {
  const wanted = new Set(batch.sourceIds);
  const sources = enabledSources(registry).filter(({ source }) => wanted.has(source.sourceId));
  const searches = (storage.searches?.targets ?? []).filter((target) => wanted.has(target.sourceId));
  const known = new Set([
    ...sources.map(({ source }) => source.sourceId),
    ...searches.map((target) => target.sourceId),
  ]);
  for (const id of wanted) if (!known.has(id)) log(`poll batch: source ${id} is no longer in the registry`);
  const reports = await pollSources({
    registry,
    sources,
    stateStore: storage.stateStore,
    sink: storage.sink,
    log,
  });
  const searchReports = storage.searches
    ? await runSearches({
        registry,
        targets: searches,
        stateStore: storage.stateStore,
        matcher: storage.searches.matcher,
        sink: storage.searches.sink,
        log,
      })
    : [];
  for (const report of searchReports) {
    if (report.status !== 'error') continue;
    reports.push({
      sourceId: report.sourceId,
      outletId: report.searchId,
      url: report.url,
      status: 'error',
      ...(report.error ? { error: report.error } : {}),
    });
  }
  const storageFailures = reports.filter((report) => report.error?.kind === 'storage');
  if (storageFailures.length > 0) throw new StorageFailedError(storageFailures);
  return reports;
}
