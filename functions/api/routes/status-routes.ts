// Liveness (public) and status (signed in): version, table reachability and each schedule's last run.
import { alertStatus } from '#shared/alerts/alert-status.ts';
import { facebookStatus } from '#shared/facebook/facebook-status.ts';
import { lastScheduleRuns } from '#shared/store/schedule-runs.ts';
import { type ApiRoute, json } from '../api-types.ts';

export const healthRoute: ApiRoute = {
  method: 'GET',
  path: '/api/health',
  access: 'public',
  handle: async () => json(200, { ok: true }),
};

export const statusRoute: ApiRoute = {
  method: 'GET',
  path: '/api/status',
  access: 'read',
  async handle(request, deps) {
    try {
      const [runs, facebook, alerts] = await Promise.all([
        lastScheduleRuns(deps.table, deps.scheduleIds),
        facebookStatus({ table: deps.table, pageId: deps.facebookPageId }),
        alertStatus(deps.table),
      ]);
      const byId = new Map(runs.map((run) => [run.scheduleId, run]));
      return json(200, {
        version: deps.version,
        table: { name: deps.table.tableName, reachable: true },
        schedules: deps.scheduleIds.map((id) => ({ id, lastRun: byId.get(id) ?? null })),
        facebook,
        alerts,
        caller: request.caller ? { name: request.caller.name, roles: request.caller.roles } : null,
      });
    } catch (error) {
      // An unreachable table is the answer, not a failure of the status call.
      return json(200, {
        version: deps.version,
        table: { name: deps.table.tableName, reachable: false, error: (error as Error).name },
        schedules: deps.scheduleIds.map((id) => ({ id, lastRun: null })),
        facebook: deps.facebookPageId
          ? { configured: true, pageId: deps.facebookPageId }
          : { configured: false },
      });
    }
  },
};
