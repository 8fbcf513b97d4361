// The deployed handlers build their dependencies on the first invocation, not at import: importing
// needs no environment, a first call without one fails with a clear message, and a later call once
// the environment is right succeeds without a new import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiGatewayBridge } from '../../../infra/local/api-gateway-bridge.ts';
import { localTokenAuthority } from '../../../infra/local/local-tokens.ts';
import { createTestTable } from '../../helpers/dynamo.ts';

let table: Awaited<ReturnType<typeof createTestTable>>;
beforeAll(async () => {
  table = await createTestTable();
  delete process.env.TABLE_NAME;
  delete process.env.DYNAMODB_ENDPOINT;
});
afterAll(async () => {
  await table?.drop();
});

describe('default handlers', () => {
  it('import without any environment, fail clearly on first use, and recover once it is set', async () => {
    const api = await import('../../../functions/api/handler.ts');
    const dispatch = await import('../../../functions/dispatch/handler.ts');
    const worker = await import('../../../functions/scrape-worker/handler.ts');
    expect([typeof api.handler, typeof dispatch.handler, typeof worker.handler]).toEqual([
      'function',
      'function',
      'function',
    ]);
    await expect(dispatch.handler({})).rejects.toThrow(/TABLE_NAME/);

    const tokens = localTokenAuthority();
    const { server, url } = await startApiGatewayBridge(api.handler, tokens, 0);
    try {
      const first = await fetch(`${url}/api/health`);
      expect(first.status).toBeGreaterThanOrEqual(500);
      process.env.TABLE_NAME = table.tableName;
      process.env.DYNAMODB_ENDPOINT = table.endpoint;
      const second = await fetch(`${url}/api/status`, {
        headers: { authorization: `Bearer ${await tokens.issue('management')}` },
      });
      expect(second.status).toBe(200);
      expect((await second.json()).table.reachable).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
