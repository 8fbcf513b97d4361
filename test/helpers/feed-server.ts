// A real HTTP server on 127.0.0.1 that serves feeds and the ways feeds break: error statuses, a
// stalled response, a reset connection, a body cut or stalled part-way (plain and gzip), a redirect
// loop, a 200 MB body streamed chunk by chunk.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { type OutletRegistry, parseOutlets } from '#shared/config/outlets.ts';

/** A request as the server saw it, for asserting conditional headers. */
export interface LoggedRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

/** Handles one route. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A running test server. */
export interface FeedServer {
  origin: string;
  url(path: string): string;
  requests: LoggedRequest[];
  /** How many bytes the /huge route wrote before the client went away. */
  hugeBytesSent(): number;
  close(): Promise<void>;
}

/** Serves a fixed body with an ETag and Last-Modified, answering 304 to matching conditional requests. */
export function fixed(
  body: string | Buffer,
  contentType: string,
  options: { gzip?: boolean; etag?: boolean } = {},
): Route {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 12)}"`;
  const lastModified = 'Tue, 05 Mar 2024 10:00:00 GMT';
  return (req, res) => {
    const validators =
      options.etag === false ? { 'last-modified': lastModified } : { etag, 'last-modified': lastModified };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((options.etag !== false && inm === etag) || (inm === undefined && ims === lastModified)) {
      res.writeHead(304, validators).end();
      return;
    }
    const payload = options.gzip ? gzipSync(bytes) : bytes;
    res.writeHead(200, {
      'content-type': contentType,
      ...validators,
      ...(options.gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(payload);
  };
}

// A feed that compresses poorly (hex digests), so its gzip form is several kilobytes and a cut
// part-way leaves the decoder mid-stream.
const bulkyFeed = Buffer.from(
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Bulky</title>${Array.from(
    { length: 200 },
    (_, n) =>
      `<item><title>${createHash('sha256').update(String(n)).digest('hex')}</title><guid>b${n}</guid></item>`,
  ).join('')}</channel></rss>`,
);

/** Sends the headers and the first half of `payload`, then resets the connection or stalls. */
function partial(payload: Buffer, headers: Record<string, string>, then: 'reset' | 'stall'): Route {
  return (req, res) => {
    res.writeHead(200, {
      'content-type': 'application/rss+xml',
      'content-length': String(payload.length),
      ...headers,
    });
    res.write(payload.subarray(0, payload.length >> 1), () => {
      // Flushed first, so the client is reading the body when the connection goes.
      if (then === 'reset') setTimeout(() => req.socket.destroy(), 20);
    });
  };
}

/** Routes every test server has: failures of every kind. */
function hostileRoutes(counter: { huge: number }): Record<string, Route> {
  return {
    '/status-500': (_req, res) => res.writeHead(500).end('boom'),
    '/status-404': (_req, res) => res.writeHead(404).end('not here'),
    '/forbidden': (_req, res) =>
      res.writeHead(403, { 'content-type': 'text/html' }).end('<h1>Forbidden</h1>'),
    '/challenge': (_req, res) =>
      res
        .writeHead(503, { 'content-type': 'text/html', 'cf-mitigated': 'challenge', server: 'cloudflare' })
        .end(
          '<html><head><title>Just a moment...</title></head><body>/cdn-cgi/challenge-platform/</body></html>',
        ),
    '/slow-down': (_req, res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
    '/stall': () => {
      // Never answers: the client's timeout must end the wait.
    },
    '/reset': (req) => req.socket.destroy(),
    '/reset-mid-body': partial(bulkyFeed, {}, 'reset'),
    '/stall-mid-body': partial(bulkyFeed, {}, 'stall'),
    '/gzip-reset-mid-body': partial(gzipSync(bulkyFeed), { 'content-encoding': 'gzip' }, 'reset'),
    '/gzip-stall-mid-body': partial(gzipSync(bulkyFeed), { 'content-encoding': 'gzip' }, 'stall'),
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/huge': (_req, res) => {
      // 200 MB generated as it is written, never held: one 64 KiB chunk reused, with backpressure.
      const chunk = Buffer.alloc(65_536, 'x');
      const total = 200 * 1024 * 1024;
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>');
      const pump = () => {
        while (counter.huge < total) {
          counter.huge += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end('</title></channel></rss>');
      };
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    },
  };
}

/** Starts the server with the hostile routes plus `routes`. */
export async function startFeedServer(routes: Record<string, Route> = {}): Promise<FeedServer> {
  const counter = { huge: 0 };
  const all: Record<string, Route> = { ...hostileRoutes(counter), ...routes };
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    const route = all[path];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    hugeBytesSent: () => counter.huge,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A registry of one outlet with a feed source per URL; loopback allowed unless `allow` says otherwise. */
export function registryOf(urls: string[], allow: string[] = ['127.0.0.0/8']): OutletRegistry {
  return parseOutlets(
    {
      allowPrivateAddresses: allow,
      outlets: [
        {
          id: 'o',
          name: 'O',
          languages: ['en'],
          homepage: 'https://o.example',
          sources: urls.map((url) => ({ type: 'feed', url })),
        },
      ],
    },
    'test registry',
  );
}
