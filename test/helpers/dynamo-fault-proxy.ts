// A proxy on 127.0.0.1 in front of DynamoDB Local that answers some requests with the errors DynamoDB
// itself sends (throttling, a cancelled transaction, a lost response after the write went through),
// so the SDK's real retry logic and the store's own conflict handling are what get tested.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request. */
export type Fault =
  | 'throttle'
  | 'conflict'
  /** Forward it, then answer 500 as if the response was lost: the write happened. */
  | 'lose-response'
  /** Never answer (the caller is about to die). */
  | 'hang';

/** Chooses a fault for a request from its operation (e.g. `TransactWriteItems`) and body. */
export type FaultRule = (operation: string, body: string) => Fault | undefined;

export interface FaultProxy {
  endpoint: string;
  /** Faults injected so far, by kind. */
  injected: Record<Fault, number>;
  setRule(rule: FaultRule): void;
  close(): Promise<void>;
}

const errorPrefix = 'com.amazonaws.dynamodb.v20120810#';

/** Starts a proxy forwarding to `target` (a DynamoDB Local endpoint). */
export async function startFaultProxy(target: string, initial?: FaultRule): Promise<FaultProxy> {
  let rule: FaultRule = initial ?? (() => undefined);
  const injected: Record<Fault, number> = { throttle: 0, conflict: 0, 'lose-response': 0, hang: 0 };
  const upstream = new URL(target);
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
    const fault = rule(operation, body);
    if (fault) injected[fault]++;
    if (fault === 'hang') return;
    if (fault === 'throttle') {
      return answerError(res, 400, 'ProvisionedThroughputExceededException', {
        message: 'The level of configured provisioned throughput for the table was exceeded.',
      });
    }
    if (fault === 'conflict') {
      const actions = (JSON.parse(body).TransactItems ?? []).length;
      return answerError(res, 400, 'TransactionCanceledException', {
        Message:
          'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
        CancellationReasons: Array.from({ length: actions }, (_, index) =>
          index === 0
            ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }
            : { Code: 'None' },
        ),
      });
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      async (answer) => {
        const text = await readBody(answer);
        if (fault === 'lose-response') {
          return answerError(res, 500, 'InternalServerError', { message: 'Internal server error' });
        }
        res.writeHead(answer.statusCode ?? 500, answer.headers).end(text);
      },
    );
    forwarded.on('error', () => res.destroy());
    forwarded.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    injected,
    setRule: (next) => {
      rule = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Faults the first time each distinct request is seen (for the chosen operations); its retry passes. */
export function firstTimeFaults(pick: (operation: string, seen: number) => Fault | undefined): FaultRule {
  const seen = new Set<string>();
  let count = 0;
  return (operation, body) => {
    if (seen.has(body)) return undefined;
    seen.add(body);
    return pick(operation, count++);
  };
}

function answerError(res: ServerResponse, status: number, type: string, fields: Record<string, unknown>) {
  res
    .writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'fault-proxy' })
    .end(JSON.stringify({ __type: `${errorPrefix}${type}`, ...fields }));
}

function readBody(stream: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
