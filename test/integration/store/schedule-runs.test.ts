import { afterAll, describe, expect, it } from 'vitest';
import { lastScheduleRuns, recordedRun } from '#shared/store/schedule-runs.ts';
import { createTestTable } from '../../helpers/dynamo.ts';

describe('recordedRun', async () => {
  const table = await createTestTable();
  const context = { db: table.documentClient, tableName: table.tableName };
  afterAll(() => table.drop());

  it('records a succeeded run with the detail the job returns', async () => {
    await recordedRun(context, 'poll-press', async () => '3 sources in 1 batches');

    const [run] = await lastScheduleRuns(context, ['poll-press']);
    expect(run).toMatchObject({
      scheduleId: 'poll-press',
      outcome: 'succeeded',
      detail: '3 sources in 1 batches',
    });
  });

  it('records a failed run and throws the failure again', async () => {
    const failing = recordedRun(context, 'digest', async () => {
      throw new Error('queue unreachable');
    });

    await expect(failing).rejects.toThrow('queue unreachable');
    const [run] = await lastScheduleRuns(context, ['digest']);
    expect(run).toMatchObject({ outcome: 'failed', detail: 'queue unreachable' });
  });
});
