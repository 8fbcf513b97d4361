// What the local schedules start: the same dispatch use case as the cloud, with an in-process
// queue whose batches run through the same worker code, a few at a time.
import pLimit from 'p-limit';
import { resolveOutletsPath } from '#shared/config/outlets.ts';
import { resolveRosterPath } from '#shared/config/roster.ts';
import { tableSettingsFromEnv } from '#shared/config/settings.ts';
import { dispatchDueSources } from '#shared/ingest/dispatch-due-sources.ts';
import { type Ingestion, openIngestion } from '#shared/ingest/open-ingestion.ts';
import type { PollQueue } from '#shared/ingest/poll-queue.ts';
import { processPollBatch } from '#shared/ingest/process-poll-batch.ts';
import type { ScheduleDefinition } from '#shared/schedules.ts';
import { recordedRun } from '#shared/store/schedule-runs.ts';
import type { LocalTargets } from './local-scheduler.ts';

/** Options of the local targets. */
export interface LocalTargetOptions {
  /** Overrides the default or OUTLETS_FILE registry. */
  outletsPath?: string;
  /** Overrides the default or ROSTER_FILE roster. */
  rosterPath?: string;
  log: (line: string) => void;
}

/** The local targets, plus a way to poll right away (the demo) and to close them. */
export interface LocalTargetSet {
  targets: LocalTargets;
  pollNow(): Promise<void>;
  close(): Promise<void>;
  outletsPath: string;
  rosterPath: string;
}

/** Workers running at once, as the SQS event source's maximum concurrency does in the cloud. */
const workerConcurrency = 4;

/** Builds the targets over the local table (TABLE_NAME and DYNAMODB_ENDPOINT must be set). */
export async function buildLocalTargets(options: LocalTargetOptions): Promise<LocalTargetSet> {
  const outletsPath = resolveOutletsPath(options.outletsPath);
  const rosterPath = resolveRosterPath(options.rosterPath);
  const ingestion: Ingestion = await openIngestion({
    table: tableSettingsFromEnv(),
    outletsPath,
    rosterPath,
  });
  const queue = inProcessQueue(ingestion, options.log);

  async function dispatch(schedule: Pick<ScheduleDefinition, 'id'>, all = false) {
    const run = await recordedRun(ingestion.table, schedule.id, async () => {
      const result = await dispatchDueSources({
        registry: ingestion.registry,
        roster: ingestion.roster,
        stateStore: ingestion.storage.stateStore,
        queue,
        now: new Date(),
        all,
      });
      return `${result.sources} sources in ${result.batches} batches`;
    }).catch((error: unknown) => {
      options.log(`schedule ${schedule.id}: failed (${(error as Error).message})`);
      throw error;
    });
    options.log(`schedule ${schedule.id}: ${run.outcome} (${run.detail})`);
  }

  return {
    targets: { dispatch: (schedule) => dispatch(schedule) },
    pollNow: () => dispatch({ id: 'poll-press' }, true),
    close: () => ingestion.storage.close(),
    outletsPath,
    rosterPath,
  };
}

function inProcessQueue(ingestion: Ingestion, log: (line: string) => void): PollQueue {
  const limit = pLimit(workerConcurrency);
  return {
    async enqueue(batches) {
      const reports = await Promise.all(
        batches.map((batch) =>
          limit(() => processPollBatch(batch, ingestion.registry, ingestion.storage, log)),
        ),
      );
      const written = reports.flat().reduce((sum, report) => sum + (report.written ?? 0), 0);
      log(`poll: ${reports.flat().length} sources polled, ${written} new articles stored`);
    },
  };
}
