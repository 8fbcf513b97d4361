import { afterAll, describe, expect, it } from 'vitest';
import { AppError, ConfigError } from '#shared/errors.ts';
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
    expect(run).toMatchObject({
      outcome: 'failed',
      detail: 'queue unreachable',
      summary: { code: 'error', values: {} },
    });
  });

  it("codes a failure by the tracker's own error, with the figures it carries", async () => {
    await expect(
      recordedRun(context, 'weekly-digest', async () => {
        throw new AppError('digest-partly-failed', 502, '2026-W48: 3 sent, 1 failed (x@example.org)', {
          details: { values: { week: '2026-W48', sent: 3, failed: 1 }, report: { nested: true } },
        });
      }),
    ).rejects.toThrow('2026-W48');
    await expect(
      recordedRun(context, 'facebook-snapshot', async () => {
        throw new ConfigError('FACEBOOK_PAGE_ID is not a page id');
      }),
    ).rejects.toThrow('page id');
    const runs = await lastScheduleRuns(context, ['weekly-digest', 'facebook-snapshot']);
    const byId = Object.fromEntries(runs.map((run) => [run.scheduleId, run]));
    expect(byId['weekly-digest']?.summary).toEqual({
      code: 'error.digest-partly-failed',
      values: { week: '2026-W48', sent: 3, failed: 1 },
    });
    expect(byId['facebook-snapshot']?.summary).toEqual({ code: 'error.config-invalid', values: {} });
  });
});
