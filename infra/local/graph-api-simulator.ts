// A Graph API stand-in on 127.0.0.1 for tests and `npm start -- --demo`. It answers the three calls
// the tracker makes in the documented shapes: the page node, /{page-id}/published_posts (cursor
// paging with `next`, which may follow an empty page), and /{page-id}/insights (one value per day,
// `end_time` at the end of the day). Errors carry Graph's error object (message, type, code,
// error_subcode, fbtrace_id); every answer carries the usage headers.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatedPage } from './graph-demo-data.ts';

/** How the stand-in behaves. */
export interface GraphSimulatorOptions {
  page: SimulatedPage;
  pageId?: string;
  token?: string;
  /** Posts per page of published_posts. @default 25 */
  pageSize?: number;
  /** 1-based numbers of the published_posts pages answered empty (with `next` still there). */
  emptyPages?: number[];
  /** Metrics answered as invalid, beside the page_impressions* and page_fans* Meta retired. */
  retiredMetrics?: string[];
  version?: string;
}

/** A failure the stand-in answers to the next request(s). */
export type SimulatedFailure = 'rate-limit' | 'server-error';

/** A request as the stand-in saw it. */
export interface SeenRequest {
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
}

const invalidMetric = /^(page_impressions|page_fans)/;

/** Starts the stand-in on an ephemeral (or given) port of 127.0.0.1. */
export async function startGraphSimulator(options: GraphSimulatorOptions, port = 0) {
  const pageId = options.pageId ?? '100000000000001';
  const version = options.version ?? 'v26.0';
  const pageSize = options.pageSize ?? 25;
  const retired = new Set(options.retiredMetrics ?? []);
  const seen: SeenRequest[] = [];
  const failures: SimulatedFailure[] = [];
  let token = options.token ?? 'demo-page-token';
  let expired = false;
  let usagePercent = 3;

  const server = createServer((request, response) => {
    try {
      answer(request, response);
    } catch {
      send(response, 500, {
        error: { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1 },
      });
    }
  });

  function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const authorization = request.headers.authorization;
    seen.push({ path: url.pathname, query, authorization });
    const given = authorization?.replace(/^(Bearer|OAuth)\s+/i, '') ?? query.access_token;
    const failure = failures.shift();
    if (failure === 'server-error') {
      return send(
        response,
        500,
        graphError('An unexpected error has occurred. Please retry your request later.', 2),
      );
    }
    if (failure === 'rate-limit') {
      response.setHeader(
        'x-app-usage',
        JSON.stringify({ call_count: 100, total_cputime: 40, total_time: 60 }),
      );
      response.setHeader(
        'x-business-use-case-usage',
        JSON.stringify({
          [pageId]: [
            {
              type: 'pages',
              call_count: 100,
              total_cputime: 30,
              total_time: 40,
              estimated_time_to_regain_access: 10,
            },
          ],
        }),
      );
      return send(response, 400, graphError('(#4) Application request limit reached', 4));
    }
    if (given !== token || expired) {
      const message = expired
        ? 'Error validating access token: Session has expired on Sunday, 29-Nov-26 10:00:00 PST.'
        : 'Invalid OAuth access token - Cannot parse access token';
      return send(response, 400, graphError(message, 190, expired ? 463 : undefined));
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== version || parts[1] !== pageId) {
      return send(
        response,
        400,
        graphError(`(#803) Some of the aliases you requested do not exist: ${parts[1] ?? ''}`, 803),
      );
    }
    if (parts.length === 2) return send(response, 200, pageNode());
    if (parts[2] === 'published_posts') return send(response, 200, postsPage(url, query));
    if (parts[2] === 'insights') return insights(response, query);
    return send(response, 400, graphError('(#100) Unknown path components', 100));
  }

  function pageNode() {
    return {
      id: pageId,
      name: options.page.name,
      followers_count: options.page.followers,
      fan_count: options.page.fans,
    };
  }

  function postsPage(url: URL, query: Record<string, string>) {
    const since = Number(query.since ?? 0) * 1000;
    const until = query.until ? Number(query.until) * 1000 : Number.POSITIVE_INFINITY;
    const matching = options.page.posts.filter((post) => {
      const created = Date.parse(post.created_time);
      return created >= since && created < until;
    });
    // Cursor "p<n>:<offset>" names the page number and the first post it holds.
    const decoded = query.after ? Buffer.from(query.after, 'base64url').toString() : 'p1:0';
    const [pageText, offsetText] = decoded.slice(1).split(':');
    const pageNumber = Number(pageText);
    const offset = Number(offsetText);
    if (!(Number.isInteger(pageNumber) && Number.isInteger(offset))) {
      return graphError('(#100) Invalid cursor', 100);
    }
    const empty = options.emptyPages?.includes(pageNumber) ?? false;
    const size = Math.min(Number(query.limit ?? pageSize), pageSize);
    const data = empty ? [] : matching.slice(offset, offset + size).map(postNode);
    const nextOffset = empty ? offset : offset + size;
    const cursor = (n: number, o: number) => Buffer.from(`p${n}:${o}`).toString('base64url');
    const body: Record<string, unknown> = {
      data,
      paging: { cursors: { before: cursor(pageNumber, offset), after: cursor(pageNumber + 1, nextOffset) } },
    };
    if (nextOffset < matching.length) {
      const next = new URL(url.href.replace('http://127.0.0.1', `http://${serverHost()}`));
      next.searchParams.set('after', cursor(pageNumber + 1, nextOffset));
      // Graph repeats the token in `next`; a careful client drops it.
      next.searchParams.set('access_token', token);
      (body.paging as Record<string, unknown>).next = next.href;
    }
    return body;
  }

  function postNode(post: SimulatedPage['posts'][number]) {
    return {
      id: post.id,
      created_time: post.created_time,
      message: post.message,
      permalink_url: `https://www.facebook.com/${pageId}/posts/${post.id.split('_')[1]}`,
      shares: { count: post.shares },
      reactions: { data: [], summary: { total_count: post.reactions, viewer_reaction: 'NONE' } },
      comments: { data: [], summary: { order: 'ranked', total_count: post.comments, can_comment: false } },
    };
  }

  function insights(response: ServerResponse, query: Record<string, string>) {
    const metrics = (query.metric ?? '').split(',').filter(Boolean);
    if (metrics.length === 0 || metrics.some((metric) => invalidMetric.test(metric) || retired.has(metric))) {
      return send(response, 400, graphError('(#100) The value must be a valid insights metric', 100));
    }
    if (query.period !== 'day')
      return send(response, 400, graphError('(#100) period must be one of day, week, days_28', 100));
    const since = query.since ?? '';
    const until = query.until ?? '';
    const span = (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000;
    if (!(span > 0 && span <= 90)) {
      return send(
        response,
        400,
        graphError('(#100) There cannot be more than 90 days between since and until', 100),
      );
    }
    const data = metrics.map((metric) => ({
      name: metric,
      period: 'day',
      values: [...options.page.insights.entries()]
        .filter(([day]) => day >= since && day < until)
        .map(([day, values]) => ({ value: values[metric] ?? 0, end_time: `${nextDay(day)}T08:00:00+0000` })),
      title: metric,
      id: `${pageId}/insights/${metric}/day`,
    }));
    return send(response, 200, { data, paging: {} });
  }

  function send(response: ServerResponse, status: number, body: unknown) {
    if (!response.hasHeader('x-app-usage')) {
      response.setHeader(
        'x-app-usage',
        JSON.stringify({ call_count: usagePercent, total_cputime: 1, total_time: 1 }),
      );
    }
    response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8' });
    response.end(JSON.stringify(body));
  }

  const serverHost = () => `127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://${serverHost()}`,
    pageId,
    version,
    /** Every request received, in order. */
    seen,
    get token() {
      return token;
    },
    /** The next requests fail this way, one failure per request. */
    failNext: (...kinds: SimulatedFailure[]) => failures.push(...kinds),
    /** Every later request is answered with error 190 (session expired) until `setToken`. */
    expireToken: () => {
      expired = true;
    },
    /** A new valid token, as an operator pastes one. */
    setToken: (value: string) => {
      token = value;
      expired = false;
    },
    /** The percentage X-App-Usage reports on successful answers. */
    setUsage: (percent: number) => {
      usagePercent = percent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What `startGraphSimulator` resolves to. */
export type GraphSimulator = Awaited<ReturnType<typeof startGraphSimulator>>;

function graphError(message: string, code: number, subcode?: number) {
  return {
    error: {
      message,
      type: code === 190 || code === 4 ? 'OAuthException' : 'GraphMethodException',
      code,
      ...(subcode ? { error_subcode: subcode } : {}),
      fbtrace_id: randomBytes(8).toString('base64url'),
    },
  };
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
