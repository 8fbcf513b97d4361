// Records when each schedule last ran and how it ended, for /api/status.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../errors.ts';
import { batchGetItems } from './batch-get.ts';
import { scheduleRunKey } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** The last run of one schedule. */
export interface ScheduleRun {
  scheduleId: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'succeeded' | 'failed';
  /** One line in English, for logs and operators. */
  detail?: string;
  /** The same as a message code and its figures, so a dashboard can word it in the reader's language. */
  summary?: RunSummary;
}

/** A run's result as a stable code (e.g. `poll-dispatched`) and the figures its sentence names. */
export interface RunSummary {
  code: string;
  values: Record<string, number | string>;
}

/** What a job returns: its one-line detail, or that line with its coded summary. */
export type JobResult = string | { detail: string; summary: RunSummary };

/** Stores the last run of a schedule, replacing the previous one. */
export async function recordScheduleRun(table: TableContext, run: ScheduleRun): Promise<void> {
  await table.db.send(
    new PutCommand({
      TableName: table.tableName,
      Item: { ...scheduleRunKey(run.scheduleId), type: 'schedule-run', ...run },
    }),
  );
}

/**
 * Runs a scheduled job and records its run, succeeded or failed; `job` returns a one-line detail,
 * with a coded summary where it has one.
 * A failure is recorded and then thrown again, so the scheduler still sees it.
 */
export async function recordedRun(
  table: TableContext,
  scheduleId: string,
  job: () => Promise<JobResult>,
): Promise<ScheduleRun> {
  const startedAt = new Date().toISOString();
  const finish = async (outcome: ScheduleRun['outcome'], result: JobResult) => {
    const coded = typeof result === 'string' ? { detail: result } : result;
    const run: ScheduleRun = {
      scheduleId,
      startedAt,
      finishedAt: new Date().toISOString(),
      outcome,
      ...coded,
    };
    await recordScheduleRun(table, run);
    return run;
  };
  let result: JobResult;
  try {
    result = await job();
  } catch (error) {
    await finish('failed', { detail: (error as Error).message, summary: failureSummary(error) });
    throw error;
  }
  return finish('succeeded', result);
}

/**
 * A failure as a code the dashboard can word: `error.<code>` for the tracker's own errors (with the
 * figures they carry in `details.values`), else plain `error`; the message stays in `detail`.
 */
function failureSummary(error: unknown): RunSummary {
  if (!(error instanceof AppError)) return { code: 'error', values: {} };
  const values = error.details?.values;
  const figures =
    values && typeof values === 'object'
      ? Object.fromEntries(
          Object.entries(values).filter(
            ([, value]) => typeof value === 'number' || typeof value === 'string',
          ),
        )
      : {};
  return { code: `error.${error.code}`, values: figures as Record<string, number | string> };
}

/** The last runs of the given schedules; schedules that never ran are absent. */
export async function lastScheduleRuns(table: TableContext, scheduleIds: string[]): Promise<ScheduleRun[]> {
  const items = await batchGetItems(table, scheduleIds.map(scheduleRunKey));
  return items.map(({ PK, SK, type, ...run }) => run as unknown as ScheduleRun);
}
