// A news-search stand-in on loopback, for `npm start -- --demo` and the reach benchmark: answers
// Google-News-shaped RSS (/google/rss/search?q=…) and Bing-News-shaped RSS (/bing/news/search?q=…)
// for any query with items from outlets nobody registered, subdomains of registered outlets and
// items the registered outlets' own feeds carry. Google links redirect through the stand-in to an
// article page it serves; Bing click links carry outlet addresses that do not resolve offline.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bingNewsRss, googleNewsRss, type StandInResult } from './news-search-shapes.ts';

/** An outlet the stand-in reports coverage from. */
export interface StandInOutlet {
  domain: string;
  name: string;
}

/** A registered outlet whose subdomain and own feed items the stand-in mixes in. */
export interface StandInRegistered {
  /** The outlet's homepage, with a registrable domain. */
  homepage: string;
  name: string;
  /** Its feed on loopback; items naming someone are repeated in search answers. */
  feedUrl?: string;
}

/** A started stand-in. */
export interface NewsSearchStandIn {
  origin: string;
  /** Registry `searches` entries pointing at the stand-in. */
  searches: Array<{
    id: string;
    engine: 'google-news' | 'bing-news';
    url: string;
    language: string;
    resolveLinks?: boolean;
  }>;
  /** Unregistered domains served so far, each with whether its item named someone. */
  served: Map<string, boolean>;
  close(): Promise<void>;
}

const prefixes = ['xeber', 'baku', 'seher', 'kaspi', 'gundem', 'yeni', 'press', 'media', 'info', 'vesti'];
const suffixes = ['.az', '.com', '.info', '.news', '.net'];

/** `count` fictional outlets with distinct registrable domains. */
export function standInOutlets(count: number): StandInOutlet[] {
  return Array.from({ length: count }, (_, i) => {
    const word = `${prefixes[i % prefixes.length]}${prefixes[Math.floor(i / prefixes.length) % prefixes.length]}`;
    const domain = `${word}-${i + 1}${suffixes[i % suffixes.length]}`;
    return { domain, name: `${word[0]?.toUpperCase()}${word.slice(1)} ${i + 1}` };
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Starts the stand-in; every fourth outlet's item names nobody, so it becomes a lead. */
export async function startNewsSearchStandIn(options: {
  outlets: StandInOutlet[];
  registered?: StandInRegistered[];
  /** Names written into titles (council members and the council's names). */
  names: string[];
  /** Items from unregistered outlets per answer. @default 30 */
  perAnswer?: number;
  port?: number;
  host?: string;
}): Promise<NewsSearchStandIn> {
  const perAnswer = Math.min(options.perAnswer ?? 30, options.outlets.length);
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  let origin = '';
  const served = new Map<string, boolean>();
  const results = options.outlets.map((outlet, i) => {
    const who = i % 4 === 3 ? undefined : options.names[i % options.names.length];
    const title = who
      ? `${who}: miqrasiya siyasəti müzakirə olunub`
      : `Miqrasiya forumunda ${i + 1} təklif səslənib`;
    const text = who
      ? `${who} forumda çıxış edərək əmək miqrantlarının hüquqlarından danışıb.`
      : 'Forumda ekspertlər miqrasiya meyillərini müzakirə ediblər.';
    return { outlet, i, named: Boolean(who), title, text, published: new Date(hour - (i % 48) * 1_800_000) };
  });
  const answer = (query: string, engine: 'google' | 'bing'): StandInResult[] => {
    const start = Number.parseInt(
      createHash('sha256').update(`${engine}${query}`).digest('hex').slice(0, 8),
      16,
    );
    const picked = Array.from({ length: perAnswer }, (_, k) => results[(start + k) % results.length]).filter(
      (r): r is (typeof results)[number] => r !== undefined,
    );
    for (const r of picked) served.set(r.outlet.domain, r.named);
    return picked.map((r) => ({
      title: r.title,
      url: `https://${engine === 'bing' ? 'www.' : ''}${r.outlet.domain}/news/${r.i + 1}`,
      ...(engine === 'google' ? { redirect: `${origin}/rss/articles/${r.i}` } : {}),
      outletName: r.outlet.name,
      outletUrl: `https://${r.outlet.domain}`,
      snippet: r.text,
      published: r.published,
    }));
  };
  const registeredResults = async (): Promise<StandInResult[]> => {
    const all = await Promise.all(
      (options.registered ?? []).map(async (outlet, k) => {
        const host = new URL(outlet.homepage).hostname.replace(/^www\./, '');
        const who = options.names[k % options.names.length] ?? '';
        const sub: StandInResult = {
          title: `${who} regional dinləmələr barədə (${k + 1})`,
          url: `https://en.${host}/news/search-only-${k + 1}`,
          outletName: outlet.name,
          outletUrl: outlet.homepage,
          snippet: `${who} regional dinləmələrin keçiriləcəyini bildirib.`,
          published: new Date(hour - k * 600_000),
        };
        const carried = outlet.feedUrl ? await feedItemNaming(outlet.feedUrl, options.names) : undefined;
        return carried
          ? [
              sub,
              {
                ...carried,
                redirect: `${origin}/go?to=${encodeURIComponent(carried.url)}`,
                outletName: outlet.name,
                outletUrl: outlet.homepage,
              },
            ]
          : [sub];
      }),
    );
    return all.flat();
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const query = url.searchParams.get('q') ?? '';
    try {
      if (url.pathname === '/google/rss/search') {
        const body = googleNewsRss(query, [...(await registeredResults()), ...answer(query, 'google')]);
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
      } else if (url.pathname === '/bing/news/search') {
        const body = bingNewsRss(
          query,
          [...(await registeredResults()), ...answer(query, 'bing')],
          `${origin}/bing/news/apiclick.aspx`,
        );
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
      } else if (url.pathname.startsWith('/rss/articles/')) {
        res.writeHead(302, { location: `/a/${url.pathname.slice('/rss/articles/'.length)}` }).end();
      } else if (url.pathname === '/go') {
        res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      } else if (url.pathname.startsWith('/a/')) {
        const r = results[Number(url.pathname.slice(3))];
        if (!r) return void res.writeHead(404).end();
        const page = `<!doctype html><html><body><article><h1>${esc(r.title)}</h1><p>${esc(r.text)}</p></article></body></html>`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      } else res.writeHead(404).end();
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  origin = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    searches: [
      {
        id: 'stand-in-google-az',
        engine: 'google-news',
        url: `${origin}/google/rss/search?q={query}&hl=az&gl=AZ&ceid=AZ:az`,
        language: 'az',
      },
      {
        id: 'stand-in-google-ru',
        engine: 'google-news',
        url: `${origin}/google/rss/search?q={query}&hl=ru&gl=AZ&ceid=AZ:ru`,
        language: 'ru',
      },
      {
        id: 'stand-in-bing-en',
        engine: 'bing-news',
        url: `${origin}/bing/news/search?q={query}&format=rss`,
        language: 'en',
        // Its click links carry the outlets' own addresses, which do not exist offline.
        resolveLinks: false,
      },
    ],
    served,
    close: () => closeServer(server),
  };
}

/** The first item of a feed whose title names one of `names`, read with a plain pattern. */
async function feedItemNaming(feedUrl: string, names: string[]): Promise<StandInResult | undefined> {
  const response = await fetch(feedUrl).catch(() => undefined);
  if (!response?.ok) return undefined;
  const xml = await response.text();
  for (const [, item] of xml.matchAll(/<item>([\s\S]*?)<\/item>/g)) {
    const title = /<title>([\s\S]*?)<\/title>/.exec(item ?? '')?.[1];
    const link = /<link>([\s\S]*?)<\/link>/.exec(item ?? '')?.[1];
    const date = /<pubDate>([\s\S]*?)<\/pubDate>/.exec(item ?? '')?.[1];
    if (!title || !link || !names.some((name) => title.includes(name))) continue;
    const plain = title.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    return {
      title: plain,
      url: link,
      outletName: '',
      outletUrl: '',
      snippet: '',
      published: date ? new Date(date) : new Date(),
    };
  }
  return undefined;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
