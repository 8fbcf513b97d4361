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

/** The last runs of the given schedules; schedules that never ran are absent. */
export async function lastScheduleRuns(table: TableContext, scheduleIds: string[]): Promise<ScheduleRun[]> {
  const items = await batchGetItems(table, scheduleIds.map(scheduleRunKey));
  return items.map(({ PK, SK, type, ...run }) => run as unknown as ScheduleRun);
}
