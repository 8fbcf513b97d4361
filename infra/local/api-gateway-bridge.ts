// A small HTTP server doing locally what API Gateway's HTTP API does in the cloud: it checks the
// bearer token on /api/* (all but /api/health), turns the request into a v2 event with the verified
// claims at requestContext.authorizer.jwt.claims, calls the handler and maps its result back.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import type { LocalTokenAuthority } from './local-tokens.ts';

/** A Lambda handler for HTTP API events. */
export type HttpApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

/** API Gateway's own payload limit. */
const maxRequestBytes = 10 * 1024 * 1024;

/** Starts the bridge on 127.0.0.1:`port` (0 for a free one) and resolves once it listens. */
export async function startApiGatewayBridge(
  handler: HttpApiHandler,
  tokens: LocalTokenAuthority,
  port: number,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`bridge: ${(error as Error).stack}\n`);
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: 'Internal Server Error' }));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = requestUrl(request.url ?? '/');
    if (!url) return send(response, 400, { message: 'Bad Request' });
    const body = await readBody(request);
    if (body === undefined) return send(response, 413, { message: 'Request Entity Too Large' });
    let claims: Record<string, unknown> | undefined;
    if (needsAuthorizer(url.pathname)) {
      const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      claims = token ? await tokens.verify(token) : undefined;
      // Same answer as API Gateway's JWT authorizer, before the function runs.
      if (!claims) return send(response, 401, { message: 'Unauthorized' });
    }
    const event = toEvent(request, url, body, claims);
    const result = await handler(event, lambdaContext());
    const structured = typeof result === 'string' ? { statusCode: 200, body: result } : result;
    const payload = structured.body ?? '';
    response.writeHead(structured.statusCode ?? 200, structured.headers as Record<string, string>);
    response.end(structured.isBase64Encoded ? Buffer.from(payload, 'base64') : payload);
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { server, url: `http://127.0.0.1:${actualPort}` };
}

/**
 * The request target as a URL. Resolving it against a base would read `//x` as a host (RFC 3986
 * §4.2, network-path reference), so the path is appended to the origin instead.
 */
function requestUrl(target: string): URL | undefined {
  try {
    return new URL(`http://127.0.0.1${target.startsWith('/') ? target : `/${target}`}`);
  } catch {
    return undefined;
  }
}

/** Mirrors the cloud routes: `/api/health` is open, every other `/api/*` route has the JWT authorizer. */
export function needsAuthorizer(path: string): boolean {
  return (path === '/api' || path.startsWith('/api/')) && path !== '/api/health';
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  claims: Record<string, unknown> | undefined,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] ? `${query[name]},${value}` : value;
  const method = request.method ?? 'GET';
  const textual =
    /json|text|csv|x-www-form-urlencoded/.test(headers['content-type'] ?? '') || body.length === 0;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    body: body.length > 0 ? (textual ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !textual,
  } as APIGatewayProxyEventV2;
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxRequestBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function lambdaContext(): Context {
  const requestId = randomUUID();
  return {
    awsRequestId: requestId,
    functionName: 'api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:api',
    memoryLimitInMB: '512',
    logGroupName: 'local',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
