// Runs the API function behind the local API Gateway bridge against a fresh DynamoDB Local table.
import type { Role } from '#shared/auth/roles.ts';
import { startApiGatewayBridge } from '../../infra/local/api-gateway-bridge.ts';
import { localTokenAuthority } from '../../infra/local/local-tokens.ts';
import { createTestTable } from './dynamo.ts';

/** Starts the API; call once per test file (the handler reads its table from the environment on import). */
export async function startTestApi() {
  const table = await createTestTable();
  process.env.TABLE_NAME = table.tableName;
  process.env.DYNAMODB_ENDPOINT = table.endpoint;
  process.env.APP_VERSION = 'test';
  const { handler } = await import('../../functions/api/handler.ts');
  const tokens = localTokenAuthority();
  const { server, url } = await startApiGatewayBridge(handler, tokens, 0);
  const tokenFor = {
    'pr-staff': await tokens.issue('pr-staff'),
    management: await tokens.issue('management'),
  };
  return {
    url,
    table,
    tokens,
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
