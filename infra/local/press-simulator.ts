// A simulated press on loopback: a demo press with articles of our own writing for `npm start --
// --demo`, and, run as a child process, the 200-origin press the poll benchmark measures.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultRosterPath, loadRoster } from '#shared/config/roster.ts';
import {
  benchArticle,
  demoArticle,
  type Lang,
  type PressArticle,
  type PressMember,
  pressMembers,
} from './press-articles.ts';

/** What a started simulator offers. */
export interface PressSimulator {
  urls: string[];
  /** An outlet registry (the JSON shape of config/outlets.json) pointing at the simulator. */
  registry: { allowPrivateAddresses: string[]; outlets: Record<string, unknown>[] };
  close(): Promise<void>;
}

// The names the benchmark's English feeds carry (fixed, so bench runs stay comparable).
const benchNames = ['Azer Allahveranov', 'Public Council under the State Migration Service'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(base: string, items: PressArticle[], teaserOnly: boolean): string {
  const entries = items.map(
    (a) =>
      `<item><title>${esc(a.title)}</title><link>${base}/articles/${a.id}</link><guid isPermaLink="false">${a.guid}</guid>` +
      `<pubDate>${a.published.toUTCString()}</pubDate><description>${esc(teaserOnly ? '' : a.body)}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Simulated press</title><link>${base}/</link>${entries.join('')}</channel></rss>`;
}

function atom(base: string, items: PressArticle[]): string {
  const entries = items.map(
    (a) =>
      `<entry><title type="text">${esc(a.title)}</title><link rel="alternate" href="articles/${a.id}"/><id>${a.guid}</id>` +
      `<published>${a.published.toISOString()}</published><summary type="html">${esc(`<p>${a.body}</p>`)}</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="${base}/"><title>Simulated press</title><id>${base}/</id>${entries.join('')}</feed>`;
}

function articlePage(a: PressArticle): string {
  return (
    `<!doctype html><html lang="${a.lang}"><head><title>${esc(a.title)}</title></head><body><header>Menu</header>` +
    `<article><h1>${esc(a.title)}</h1><p>${esc(a.body)}</p><p>${esc(a.body)}</p></article><footer>©</footer></body></html>`
  );
}

function listen(server: Server, host: string, port = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`));
  });
}

const closeAll = (servers: Server[]) =>
  Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  ).then(() => {});

// Articles are numbered from this fixed instant, so article n has the same time on every run.
const demoEpoch = Date.UTC(2024, 0, 1);
/** How far back a demo feed reaches: a quarter and a bit, so the overview looks like a real quarter. */
export const demoWindowDays = 120;
// Items in each demo feed, newest first, within the window. A feed of 240 (one item every 12 hours)
// stays under the poll's maxItemsPerFeed (500), so the first poll keeps the whole quarter. A teaser
// feed carries no more than the poller fetches article pages for in one poll (maxArticlesPerSource,
// 10), so none is stored with an empty text.
const feedLength = { rss: 500, atom: 500, teaser: 10 } as const;

/** The outlet a failing demo source stands for: its feed address now serves the site's home page. */
const movedFeedPage =
  '<!doctype html><html lang="az"><head><title>Xəbərlər</title></head><body><h1>Saytımız yenilənib</h1></body></html>';

/**
 * Starts a demo press on 127.0.0.1: `outlets` outlets in az, ru and en (RSS, Atom, a teaser-only RSS
 * whose articles must be fetched), each with an article about every `everyMs` (default 12 hours)
 * over the last 120 days, naming each of `members` in turn (default: the shipped roster); then
 * `failing` more outlets whose feed address serves an HTML page, so feed health shows a failure.
 */
export async function startPressSimulator(options: {
  outlets: number;
  members?: PressMember[];
  everyMs?: number;
  /** Outlets after the working ones whose feed cannot be read. @default 0 */
  failing?: number;
  /** Outlet n listens on firstPort + n, so its URLs (and source ids) survive a restart; free ports when absent. */
  firstPort?: number;
  /** The clock the feeds are cut at (tests fix it). @default Date.now */
  now?: () => number;
}): Promise<PressSimulator> {
  const members = options.members?.length ? options.members : pressMembers(loadRoster(defaultRosterPath));
  const everyMs = options.everyMs ?? 12 * 3_600_000;
  const now = options.now ?? Date.now;
  const langs: Lang[] = ['az', 'ru', 'en'];
  const servers: Server[] = [];
  const outlets: Record<string, unknown>[] = [];
  const urls: string[] = [];
  const total = options.outlets + (options.failing ?? 0);
  for (let o = 0; o < total; o++) {
    const lang = langs[o % 3] ?? 'en';
    const kind = (['rss', 'atom', 'teaser'] as const)[Math.floor(o / 3) % 3] ?? 'rss';
    const failing = o >= options.outlets;
    let base = '';
    const server = createServer((req, res) => {
      const at = now();
      const articleAt = (n: number) => {
        const a = n >= 0 ? demoArticle(o, n, lang, members, demoEpoch, everyMs) : undefined;
        return a && a.published.getTime() <= at && at - a.published.getTime() <= demoWindowDays * 86_400_000
          ? a
          : undefined;
      };
      const path = new URL(req.url ?? '/', base).pathname;
      const page = /^\/articles\/(\d+)$/.exec(path);
      if (page) {
        const a = articleAt(Number(page[1]));
        res
          .writeHead(a ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
          .end(a ? articlePage(a) : 'not found');
        return;
      }
      if (failing) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(movedFeedPage);
        return;
      }
      // Article n is published within [n, n + 1) steps after the epoch, so the newest is n or n - 1.
      const newest = Math.floor((at - demoEpoch) / everyMs);
      const latest = Array.from({ length: feedLength[kind] + 1 }, (_, k) => articleAt(newest - k))
        .filter((a): a is PressArticle => a !== undefined)
        .slice(0, feedLength[kind]);
      const body = kind === 'atom' ? atom(base, latest) : rss(base, latest, kind === 'teaser');
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', etag }).end(body);
    });
    base = await listen(server, '127.0.0.1', options.firstPort ? options.firstPort + o : 0);
    servers.push(server);
    urls.push(`${base}/feed`);
    outlets.push({
      id: `demo-${o + 1}`,
      name: `Demo ${lang.toUpperCase()} Press ${o + 1}`,
      languages: [lang],
      homepage: base,
      fetchArticleText: kind === 'teaser',
      sources: [
        {
          type: 'feed',
          url: `${base}/feed`,
          language: lang,
          timeZone: 'Asia/Baku',
          verified: 'local press simulator',
        },
      ],
    });
  }
  return {
    urls,
    registry: { allowPrivateAddresses: ['127.0.0.0/8'], outlets },
    close: () => closeAll(servers),
  };
}

/**
 * The benchmark press: `count` origins on 127.0.0.2 and up, each answering after `delayMs` with a
 * fixed 20-item feed and an ETag. Counts 200 and 304 answers for the benchmark.
 */
export async function startBenchPress(
  count: number,
  delayMs: number,
): Promise<{ urls: string[]; counts: { ok: number; notModified: number }; close(): Promise<void> }> {
  const counts = { ok: 0, notModified: 0 };
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const host = `127.0.${Math.floor((i + 2) / 256)}.${(i + 2) % 256}`;
    const base = `http://${host}`;
    const items = Array.from({ length: 20 }, (_, n) => benchArticle(i, n, benchNames, Date.UTC(2024, 2, 5)));
    const body = rss(base, items, false);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const server = createServer((req, res) => {
      setTimeout(() => {
        if (req.headers['if-none-match'] === etag) {
          counts.notModified++;
          return void res.writeHead(304, { etag }).end();
        }
        counts.ok++;
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
      }, delayMs);
    });
    const origin = await listen(server, host);
    servers.push(server);
    urls.push(`${origin}/rss`);
  }
  return { urls, counts, close: () => closeAll(servers) };
}

// As a child process (`press-simulator.ts bench <count> <delayMs>`): serve, report the URLs over
// IPC, answer count requests, stop on "stop".
if (process.argv[2] === 'bench' && process.send) {
  const press = await startBenchPress(Number(process.argv[3] ?? 200), Number(process.argv[4] ?? 100));
  process.send({ type: 'ready', urls: press.urls });
  process.on('message', async (message: { type: string }) => {
    if (message.type === 'counts') {
      process.send?.({ type: 'counts', ...press.counts });
      press.counts.ok = 0;
      press.counts.notModified = 0;
    }
    if (message.type === 'stop') {
      await press.close();
      process.exit(0);
    }
  });
}
