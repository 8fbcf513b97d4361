// Periods the tracker cannot mean are refused with a 400 that names the bounds, on every route that
// takes a period, before any calendar arithmetic: years 0000, 0999, 1000 and 9999 used to hang the
// API (string-compared days that never reached their end) or exhaust its memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';
import { latestDay } from '#shared/time/period-bounds.ts';
import { startTestApi } from '../../helpers/local-api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const today = bakuDay(new Date());
const latest = latestDay(today);
const routes = ['/api/summary', '/api/mentions', '/api/export.csv'];

/** A request that must answer; a hang fails the test instead of the run. */
function get(path: string) {
  return api.request(path, { role: 'management', signal: AbortSignal.timeout(10_000) });
}

describe('period bounds through the HTTP API', () => {
  it.each([
    ['0000-01-01', '0000-01-02'],
    ['0001-01-01', '0001-01-31'],
    ['0999-06-01', '0999-06-30'],
    ['1000-01-01', '1000-01-31'],
    ['9999-12-01', '9999-12-31'],
    ['1999-12-31', '2000-01-31'],
    [addDays(latest, -5), addDays(latest, 1)],
  ])('refuses %s to %s on every route with a 400 naming the bounds', async (from, to) => {
    for (const route of routes) {
      const response = await get(`${route}?from=${from}&to=${to}`);
      expect(response.status, route).toBe(400);
      const body = await response.json();
      expect(body.error.message).toMatch(`must be a day from 2000-01-01 to ${latest}`);
    }
    expect((await api.request('/api/health')).status).toBe(200);
  });

  it('answers the first day and the last day', async () => {
    for (const route of routes) {
      expect((await get(`${route}?from=2000-01-01&to=2000-01-31`)).status, route).toBe(200);
      expect((await get(`${route}?from=${addDays(latest, -6)}&to=${latest}`)).status, route).toBe(200);
    }
  });
});
