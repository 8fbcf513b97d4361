// Records when each schedule last ran and how it ended, for /api/status.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from './batch-get.ts';
import { scheduleRunKey } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** The last run of one schedule. */
export interface ScheduleRun {
  scheduleId: string;
  startedAt: string;
  finishedAt: string;
  outcome: 'succeeded' | 'failed';
  detail?: string;
}

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
 * Runs a scheduled job and records its run, succeeded or failed; `job` returns a one-line detail.
 * A failure is recorded and then thrown again, so the scheduler still sees it.
 */
export async function recordedRun(
  table: TableContext,
  scheduleId: string,
  job: () => Promise<string>,
): Promise<ScheduleRun> {
  const startedAt = new Date().toISOString();
  const finish = async (outcome: ScheduleRun['outcome'], detail: string) => {
    const run: ScheduleRun = { scheduleId, startedAt, finishedAt: new Date().toISOString(), outcome, detail };
    await recordScheduleRun(table, run);
    return run;
  };
  let detail: string;
  try {
    detail = await job();
  } catch (error) {
    await finish('failed', (error as Error).message);
    throw error;
  }
  return finish('succeeded', detail);
}

/** The last runs of the given schedules; schedules that never ran are absent. */
export async function lastScheduleRuns(table: TableContext, scheduleIds: string[]): Promise<ScheduleRun[]> {
  const items = await batchGetItems(table, scheduleIds.map(scheduleRunKey));
  return items.map(({ PK, SK, type, ...run }) => run as unknown as ScheduleRun);
}
