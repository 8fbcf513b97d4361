// GET /api/facebook/summary and the Facebook part of /api/status, over DynamoDB Local: the hand-worked
// month-boundary fixture read back through the API, access rules, and the feature switched off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putPosts, updateDay, writeFacebookState } from '#shared/facebook/facebook-store.ts';
import type { ApiDependencies } from '../../../functions/api/api-dependencies.ts';
import { facebookSummaryRoute } from '../../../functions/api/routes/facebook-summary-route.ts';
import { statusRoute } from '../../../functions/api/routes/status-routes.ts';
import { boundaryDays, boundaryPosts, boundarySummary } from '../../fixtures/facebook/month-boundary.ts';
import { startTestApi } from '../../helpers/local-api.ts';

const pageId = '1234567890';
let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi({ facebookPageId: pageId });
  const table = { db: api.table.documentClient, tableName: api.table.tableName };
  await putPosts(table, pageId, boundaryPosts);
  for (const day of boundaryDays) {
    await updateDay(table, pageId, day.day, { followersCount: day.followersCount, insights: day.insights });
  }
});
afterAll(async () => {
  await api?.close();
});

describe('GET /api/facebook/summary', () => {
  it('answers the hand-worked figures across a month boundary in Baku time, for any signed-in role', async () => {
    // Act
    const asManagement = await api.request('/api/facebook/summary?from=2026-10-30&to=2026-11-02', {
      role: 'management',
    });
    const asStaff = await api.request('/api/facebook/summary?from=2026-10-30&to=2026-11-02', {
      role: 'pr-staff',
    });

    // Assert
    expect(asManagement.status).toBe(200);
    expect(await asManagement.json()).toEqual(boundarySummary);
    expect(asStaff.status).toBe(200);
  });

  it('refuses a caller without a token and names a bad date', async () => {
    // Act
    const anonymous = await api.request('/api/facebook/summary?from=2026-10-30&to=2026-11-02');
    const badDate = await api.request('/api/facebook/summary?from=2026-10-32&to=2026-11-02', {
      role: 'management',
    });

    // Assert
    expect(anonymous.status).toBe(401);
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).error.message).toMatch(/^from:/);
  });

  it('is described in the OpenAPI document', async () => {
    // Act
    const document = await (await api.request('/api/openapi.json', { role: 'management' })).json();

    // Assert
    expect(
      document.paths['/api/facebook/summary'].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(['from', 'to']);
  });

  it('shows a rejected token in /api/status without the token', async () => {
    // Arrange
    const table = { db: api.table.documentClient, tableName: api.table.tableName };
    await writeFacebookState(table, pageId, {
      tokenRejected: {
        fingerprint: 'abc',
        at: '2026-11-30T02:30:00.000Z',
        message: 'Error validating access token',
      },
      lastSync: {
        at: '2026-11-30T02:30:00.000Z',
        outcome: 'token-rejected',
        detail: 'Graph rejected the token',
      },
    });

    // Act
    const status = await (await api.request('/api/status', { role: 'management' })).json();

    // Assert
    expect(status.facebook).toMatchObject({
      configured: true,
      pageId,
      token: 'rejected',
      tokenError: { message: 'Error validating access token' },
    });
    expect(status.schedules.map((s: { id: string }) => s.id)).toContain('facebook-snapshot');
  });
});

describe('with no page configured', () => {
  it('says so in /api/status and answers the summary with a clear 404', async () => {
    // Arrange
    const deps = {
      table: { db: api.table.documentClient, tableName: api.table.tableName },
      scheduleIds: [],
      version: 'test',
      now: () => new Date('2026-11-30T10:00:00Z'),
    } as unknown as ApiDependencies;
    const request = { query: {}, caller: undefined } as never;

    // Act
    const status = JSON.parse(String((await statusRoute.handle(request, deps)).body));
    const summary = facebookSummaryRoute.handle(request, deps);

    // Assert
    expect(status.facebook).toEqual({ configured: false });
    await expect(summary).rejects.toMatchObject({ code: 'facebook-not-configured', statusCode: 404 });
  });
});
