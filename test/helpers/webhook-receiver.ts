// A chat webhook stand-in on 127.0.0.1: keeps every JSON body posted to it, and answers 500 while told to fail.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedHook {
  path: string;
  body: Record<string, unknown>;
}

/** Starts the receiver on a free port. */
export async function startWebhookReceiver() {
  const received: ReceivedHook[] = [];
  let failing = false;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      });
      response.writeHead(failing ? 500 : 200, { 'content-type': 'text/plain' });
      response.end(failing ? 'internal error' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    /** Answers 500 to every request until `recover` is called. */
    fail: () => {
      failing = true;
    },
    recover: () => {
      failing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
