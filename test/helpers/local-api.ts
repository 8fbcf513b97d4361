// Runs the API function, built by its factory, behind the local API Gateway bridge against a fresh
// DynamoDB Local table.
import type { Role } from '#shared/auth/roles.ts';
import { resolveOutletsPath } from '#shared/config/outlets.ts';
import { resolveRosterPath } from '#shared/config/roster.ts';
import { schedules } from '#shared/schedules.ts';
import { type DashboardAuthConfig, openApiDependencies } from '../../functions/api/api-dependencies.ts';
import { createApiHandler } from '../../functions/api/handler.ts';
import { startApiGatewayBridge } from '../../infra/local/api-gateway-bridge.ts';
import { localTokenAuthority } from '../../infra/local/local-tokens.ts';
import { createTestTable } from './dynamo.ts';

/** What a test may change in the API it starts. */
export interface TestApiOptions {
  auth?: DashboardAuthConfig;
  outletsPath?: string;
  rosterPath?: string;
  /** The Facebook page the API reports on; the feature is off without it. */
  facebookPageId?: string;
}

/** Starts the API on its own table; call once per test file. */
export async function startTestApi(options: TestApiOptions = {}) {
  const table = await createTestTable();
  const deps = await openApiDependencies({
    table: { tableName: table.tableName, endpoint: table.endpoint },
    outletsPath: resolveOutletsPath(options.outletsPath),
    rosterPath: resolveRosterPath(options.rosterPath),
    version: 'test',
    scheduleIds: schedules.map((schedule) => schedule.id),
    auth: options.auth ?? { mode: 'local' },
    ...(options.facebookPageId ? { facebookPageId: options.facebookPageId } : {}),
  });
  const tokens = localTokenAuthority();
  const { server, url } = await startApiGatewayBridge(createApiHandler(deps), tokens, 0);
  const tokenFor = {
    'pr-staff': await tokens.issue('pr-staff'),
    management: await tokens.issue('management'),
  };
  return {
    url,
    table,
    tokens,
    deps,
    /** Calls the API as the given role (or anonymously). */
    request(path: string, init: RequestInit & { role?: Role } = {}) {
      const headers = new Headers(init.headers);
      if (init.role) headers.set('authorization', `Bearer ${tokenFor[init.role]}`);
      if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return fetch(`${url}${path}`, { ...init, headers });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await table.drop();
    },
  };
}
