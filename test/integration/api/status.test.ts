import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordScheduleRun } from '#shared/store/schedule-runs.ts';
import { startTestApi } from '../../helpers/local-api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('GET /api/health', () => {
  it('answers without a token', async () => {
    const response = await api.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('GET /api/status', () => {
  it('refuses a call without a token', async () => {
    const response = await api.request('/api/status');
    expect(response.status).toBe(401);
  });

  it('refuses a forged token', async () => {
    const response = await api.request('/api/status', {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
    });
    expect(response.status).toBe(401);
  });

  it('reports the version, a reachable table and the last run of each schedule', async () => {
    await recordScheduleRun(
      { db: api.table.documentClient, tableName: api.table.tableName },
      {
        scheduleId: 'poll-press',
        startedAt: '2026-11-29T10:00:00.000Z',
        finishedAt: '2026-11-29T10:00:01.000Z',
        outcome: 'succeeded',
        detail: '3 sources in 1 batches',
      },
    );

    const response = await api.request('/api/status', { role: 'management' });

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.version).toBe('test');
    expect(body.table.reachable).toBe(true);
    expect(body.schedules).toEqual([
      {
        id: 'poll-press',
        lastRun: expect.objectContaining({ outcome: 'succeeded', startedAt: '2026-11-29T10:00:00.000Z' }),
      },
      { id: 'weekly-digest', lastRun: null },
      { id: 'facebook-snapshot', lastRun: null },
      { id: 'alerts', lastRun: null },
    ]);
    expect(body.alerts).toEqual({ subscriptions: 0, failing: [] });
    // No FACEBOOK_PAGE_ID here: the feature is off and the status says so.
    expect(body.facebook).toEqual({ configured: false });
  });
});

describe('unknown routes', () => {
  it('answers 404 as a JSON error with a request id', async () => {
    const response = await api.request('/api/nothing-here', { role: 'pr-staff' });
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error).toEqual({
      code: 'not-found',
      message: expect.any(String),
      requestId: expect.any(String),
    });
  });
});
