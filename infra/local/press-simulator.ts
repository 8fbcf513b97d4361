// A simulated press on loopback: a demo press with articles of our own writing for `npm start --
// --demo`, and, run as a child process, the 200-origin press the poll benchmark measures.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a started simulator offers. */
export interface PressSimulator {
  urls: string[];
  /** An outlet registry (the JSON shape of config/outlets.json) pointing at the simulator. */
  registry: { allowPrivateAddresses: string[]; outlets: Record<string, unknown>[] };
  close(): Promise<void>;
}

const mentions = [
  'Azer Allahveranov',
  'Azər Allahverənov',
  'Азер Аллахверанов',
  'Sahib Məmmədov',
  'Dövlət Miqrasiya Xidməti yanında İctimai Şura',
  'Public Council under the State Migration Service',
];

type Lang = 'az' | 'ru' | 'en';
const templates: Record<Lang, { title: (who: string) => string; body: (who: string) => string }[]> = {
  az: [
    {
      title: (w) => `${w} miqrantların hüquqları mövzusunda dəyirmi masada çıxış edib`,
      body: (w) =>
        `Bakıda keçirilən dəyirmi masada ${w} əmək miqrantlarının hüquqlarının müdafiəsi ilə bağlı təkliflər səsləndirib. Tədbirdə qeyri-hökumət təşkilatlarının nümayəndələri də iştirak ediblər.`,
    },
    {
      title: (w) => `${w}: “Vətəndaşlığa qəbul prosedurları sadələşir”`,
      body: (w) =>
        `${w} bildirib ki, vətəndaşlığa qəbul üzrə müraciətlərə baxılma müddəti qısaldılıb və elektron xidmətlər genişləndirilib.`,
    },
  ],
  ru: [
    {
      title: (w) => `${w} провёл встречу с представителями НПО`,
      body: (w) =>
        `На встрече, прошедшей в Баку, ${w} обсудил с представителями неправительственных организаций вопросы защиты прав трудовых мигрантов.`,
    },
    {
      title: (w) => `${w}: электронные услуги для иностранцев расширяются`,
      body: (w) =>
        `По словам ${w}, иностранцы теперь могут продлить временное пребывание онлайн, не посещая региональные управления.`,
    },
  ],
  en: [
    {
      title: (w) => `${w} hosts a roundtable on labour migration`,
      body: (w) =>
        `At a roundtable in Baku, ${w} discussed proposals for protecting the rights of labour migrants with civil society representatives.`,
    },
    {
      title: (w) => `${w} presents the annual report on public monitoring`,
      body: (w) =>
        `${w} presented the annual report, noting more than 200 press publications and dozens of monitoring visits during the year.`,
    },
  ],
};
const fillers: Record<Lang, string[]> = {
  az: [
    'Bakıda yeni park salınıb',
    'Hava şəraiti ilə bağlı xəbərdarlıq edilib',
    'Futbol üzrə çempionatda növbəti tur keçirilib',
  ],
  ru: [
    'В Баку открылся новый парк',
    'Синоптики предупредили о сильном ветре',
    'Состоялся очередной тур чемпионата',
  ],
  en: [
    'A new park opens in Baku',
    'Forecasters warn of strong winds',
    'Another round of the league is played',
  ],
};
const languageOfName = (name: string): Lang =>
  /[А-я]/.test(name) ? 'ru' : /[əğıöşüçİ]/i.test(name) ? 'az' : 'en';

interface Article {
  /** The same for the same article on every run, whatever port the simulator listens on. */
  guid: string;
  id: number;
  lang: Lang;
  title: string;
  body: string;
  published: Date;
}

// Article n of an outlet, published at `epoch + n * everyMs`: every third one mentions someone, the
// rest are everyday news. Nothing depends on the port or the start time, so a restarted simulator
// serves the same articles again and the tracker does not store them twice.
function article(
  outlet: number,
  n: number,
  lang: Lang,
  names: string[],
  epoch: number,
  everyMs: number,
  prefix = 'demo',
): Article {
  const published = new Date(epoch + n * everyMs);
  const guid = `urn:${prefix}:${outlet + 1}:${n}`;
  const candidates = names.filter((name) => languageOfName(name) === lang);
  const who = candidates.length
    ? candidates[(outlet + n) % candidates.length]
    : names[(outlet + n) % names.length];
  if (n % 3 === 0 && who) {
    const t = templates[lang][(outlet + n) % 2] ?? templates[lang][0];
    if (t) return { guid, id: n, lang, title: t.title(who), body: t.body(who), published };
  }
  const title = fillers[lang][(outlet + n) % 3] ?? 'News';
  return { guid, id: n, lang, title: `${title} (${n})`, body: `${title}. ${title}.`, published };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(base: string, items: Article[], teaserOnly: boolean): string {
  const entries = items.map(
    (a) =>
      `<item><title>${esc(a.title)}</title><link>${base}/articles/${a.id}</link><guid isPermaLink="false">${a.guid}</guid>` +
      `<pubDate>${a.published.toUTCString()}</pubDate><description>${esc(teaserOnly ? '' : a.body)}</description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Simulated press</title><link>${base}/</link>${entries.join('')}</channel></rss>`;
}

function atom(base: string, items: Article[]): string {
  const entries = items.map(
    (a) =>
      `<entry><title type="text">${esc(a.title)}</title><link rel="alternate" href="articles/${a.id}"/><id>${a.guid}</id>` +
      `<published>${a.published.toISOString()}</published><summary type="html">${esc(`<p>${a.body}</p>`)}</summary></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="${base}/"><title>Simulated press</title><id>${base}/</id>${entries.join('')}</feed>`;
}

function articlePage(a: Article): string {
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
// Items in each demo feed, newest first. A teaser feed carries no more than the poller fetches
// article pages for in one poll (maxArticlesPerSource, 10), so none is stored with an empty text.
const feedLength = { rss: 20, atom: 20, teaser: 10 } as const;

/**
 * Starts a demo press on 127.0.0.1: `outlets` outlets in az, ru and en (RSS, Atom, a teaser-only RSS
 * whose articles must be fetched), with a new article every `everyMs` (default a minute); every
 * third article mentions one of `articlesWith` (default: council members and the council's names).
 */
export async function startPressSimulator(options: {
  outlets: number;
  articlesWith?: string[];
  everyMs?: number;
  /** Outlet n listens on firstPort + n, so its URLs (and source ids) survive a restart; free ports when absent. */
  firstPort?: number;
}): Promise<PressSimulator> {
  const names = options.articlesWith?.length ? options.articlesWith : mentions;
  const everyMs = options.everyMs ?? 60_000;
  const langs: Lang[] = ['az', 'ru', 'en'];
  const servers: Server[] = [];
  const outlets: Record<string, unknown>[] = [];
  const urls: string[] = [];
  for (let o = 0; o < options.outlets; o++) {
    const lang = langs[o % 3] ?? 'en';
    const kind = (['rss', 'atom', 'teaser'] as const)[Math.floor(o / 3) % 3] ?? 'rss';
    let base = '';
    const server = createServer((req, res) => {
      const newest = Math.floor((Date.now() - demoEpoch) / everyMs);
      const articleAt = (n: number) =>
        n >= 0 && n <= newest ? article(o, n, lang, names, demoEpoch, everyMs) : undefined;
      const path = new URL(req.url ?? '/', base).pathname;
      const page = /^\/articles\/(\d+)$/.exec(path);
      if (page) {
        const a = articleAt(Number(page[1]));
        res
          .writeHead(a ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
          .end(a ? articlePage(a) : 'not found');
        return;
      }
      const latest = Array.from({ length: feedLength[kind] }, (_, k) => articleAt(newest - k)).filter(
        (a): a is Article => a !== undefined,
      );
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
    const items = Array.from({ length: 20 }, (_, n) =>
      article(i, n, 'en', mentions, Date.UTC(2024, 2, 5), 3600_000, 'bench'),
    );
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
