// The SecureString parameters the cloud reads (the Facebook page token, the webhook key), through the
// real SSM client against a loopback server that answers Parameter Store's JSON protocol.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parameterAlertSeal } from '#shared/alerts/alert-key-source.ts';
import { readSecureParameter } from '#shared/config/secure-parameter.ts';
import { ConfigError } from '#shared/errors.ts';
import { parameterTokenSource } from '#shared/facebook/parameter-token-source.ts';

const stored = new Map<string, string>([
  ['/tracker/token-bare', 'EAAB-bare-token'],
  ['/tracker/token-json', '{"token":"EAAB-json-token"}'],
  ['/tracker/empty', '   '],
  ['/tracker/key', 'k7Vq2m9XcR4tLw8ZpN1sYb6HdF3jGa0uEoTi5QyKx'],
  ['/tracker/short-key', 'too-short'],
]);
const requests: Array<{ target: string | undefined; body: { Name?: string; WithDecryption?: boolean } }> = [];
let server: Server;
let client: SSMClient;

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      const body = JSON.parse(text) as { Name?: string; WithDecryption?: boolean };
      requests.push({ target: request.headers['x-amz-target'] as string | undefined, body });
      const value = stored.get(body.Name ?? '');
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (value === undefined) {
        response.statusCode = 400;
        response.setHeader('x-amzn-errortype', 'ParameterNotFound');
        response.end(JSON.stringify({ __type: 'ParameterNotFound', message: 'not found' }));
        return;
      }
      response.end(
        JSON.stringify({ Parameter: { Name: body.Name, Type: 'SecureString', Value: value, Version: 1 } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new SSMClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('SecureString parameters', () => {
  it('asks Parameter Store for the decrypted value of the named parameter', async () => {
    requests.length = 0;
    await expect(readSecureParameter('/tracker/token-bare', client)).resolves.toBe('EAAB-bare-token');
    expect(requests).toEqual([
      { target: 'AmazonSSM.GetParameter', body: { Name: '/tracker/token-bare', WithDecryption: true } },
    ]);
  });

  it('names the command that creates a missing or empty required parameter', async () => {
    for (const name of ['/tracker/absent', '/tracker/empty']) {
      const error = await readSecureParameter(name, client).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain(
        `aws ssm put-parameter --type SecureString --overwrite --name ${name}`,
      );
    }
  });

  it('reads the page token bare or as {"token": …}, and none before the operator stores one', async () => {
    await expect(parameterTokenSource('/tracker/token-bare', client)()).resolves.toBe('EAAB-bare-token');
    await expect(parameterTokenSource('/tracker/token-json', client)()).resolves.toBe('EAAB-json-token');
    await expect(parameterTokenSource('/tracker/absent', client)()).resolves.toBeUndefined();
    await expect(parameterTokenSource('/tracker/empty', client)()).resolves.toBeUndefined();
  });

  it('keys the webhook seal from the parameter: what one reader seals, another opens', async () => {
    const alerts = await parameterAlertSeal('/tracker/key', client);
    const api = await parameterAlertSeal('/tracker/key', client);
    const sealed = alerts.seal('https://hooks.example.org/T000/B000/secret');
    expect(sealed).not.toContain('hooks.example.org');
    expect(api.open(sealed)).toBe('https://hooks.example.org/T000/B000/secret');
  });

  it('refuses key text too short to be random enough, and a missing key parameter', async () => {
    await expect(parameterAlertSeal('/tracker/short-key', client)).rejects.toThrow(/at least 32 random/);
    await expect(parameterAlertSeal('/tracker/absent', client)).rejects.toBeInstanceOf(ConfigError);
  });
});
