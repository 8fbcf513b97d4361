// Large-feed benchmark: peak memory of a poll of one 60,000-item feed (gzip, served from loopback),
// against a baseline poll of an empty feed measured in the same run. Each poll runs in its own
// child process, so its peak RSS is its own; the feed goes through fetch, decode, parse, the
// newest-items cut and matching, as in a real poll. Run directly: `npx tsx bench/large-feed-bench.ts`.
import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseOutlets } from '#shared/config/outlets.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import type { FeedItem } from '#shared/feeds/poll/ports.ts';
import { MemoryFeedStateStore } from '#shared/feeds/poll/state-stores.ts';
import { median } from './bench-stats.ts';

const here = fileURLToPath(import.meta.url);
const hookFile = fileURLToPath(new URL('./match-hook.ts', import.meta.url));

/** An RSS feed of `count` items in Azerbaijani and Russian, newest first, and its gzip form. */
function feedOf(count: number): { raw: number; gzip: Buffer } {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Arxiv</title><link>https://arxiv.example/</link>',
  ];
  const start = Date.UTC(2026, 10, 1);
  for (let i = 0; i < count; i++) {
    parts.push(
      `<item><title>Miqrasiya xəbərləri ${i}: Bakıda yeni layihə təqdim olundu</title><link>https://arxiv.example/xeber/${i}</link>` +
        `<guid>x-${i}</guid><pubDate>${new Date(start - i * 60_000).toUTCString()}</pubDate>` +
        `<description><![CDATA[<p>Dövlət Miqrasiya Xidməti yanında İctimai Şura ${i} nömrəli tədbir keçirib. Совет провёл встречу с мигрантами.</p>]]></description></item>`,
    );
  }
  parts.push('</channel></rss>');
  const raw = Buffer.from(parts.join(''));
  return { raw: raw.length, gzip: gzipSync(raw) };
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as T));
    child.once('exit', (code) => reject(new Error(`poller exited (${code}) before reporting`)));
  });
}

/** Polls `url` once in a fresh process and answers its peak RSS in MB and the items handed on. */
async function pollInChild(url: string): Promise<{ maxRssMb: number; items: number; cut: number }> {
  const child = fork(here, ['poller'], { execArgv: ['--import', 'tsx'] });
  child.send({ url });
  return nextMessage(child);
}

async function pollerMain(url: string): Promise<{ maxRssMb: number; items: number; cut: number }> {
  const hook = (await import(pathToFileURL(hookFile).href)) as { onItems: (items: FeedItem[]) => unknown };
  const registry = parseOutlets(
    {
      allowPrivateAddresses: ['127.0.0.0/8'],
      outlets: [
        { id: 'arxiv', name: 'Arxiv', languages: ['az'], homepage: url, sources: [{ type: 'feed', url }] },
      ],
    },
    'bench registry',
  );
  const [report] = await pollSources({
    registry,
    stateStore: new MemoryFeedStateStore(),
    sink: { store: async () => ({ written: 0 }) },
    onItems: (_o, _s, items) => void hook.onItems(items),
    maxBytes: 64 * 1024 * 1024,
  });
  if (report?.status !== 'items') throw new Error(`poll failed: ${JSON.stringify(report?.error)}`);
  return {
    maxRssMb: process.resourceUsage().maxRSS / 1024, // maxRSS is in kilobytes
    items: report.items?.length ?? 0,
    cut: report.itemsCut ?? 0,
  };
}

/** Runs the benchmark and prints its report to stdout. */
export async function runLargeFeedBench(options: { runs?: number; items?: number } = {}): Promise<void> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 3);
  const count = options.items ?? 60_000;
  const large = feedOf(count);
  const bodies: Record<string, Buffer> = { '/large': large.gzip, '/empty': feedOf(0).gzip };
  const server = createServer((req, res) => {
    const body = bodies[req.url ?? ''];
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const empty: number[] = [];
    const peaks: number[] = [];
    let last = { items: 0, cut: 0 };
    for (let run = 0; run < runs; run++) {
      empty.push((await pollInChild(`${origin}/empty`)).maxRssMb);
      const result = await pollInChild(`${origin}/large`);
      peaks.push(result.maxRssMb);
      last = result;
      process.stderr.write(
        `run ${run + 1}: empty ${empty.at(-1)?.toFixed(0)} MB, large ${result.maxRssMb.toFixed(0)} MB\n`,
      );
    }
    const base = median(empty);
    const peak = median(peaks);
    const lines = [
      `large-feed benchmark: one feed of ${count} items (${(large.raw / 1048576).toFixed(1)} MB, ${(large.gzip.length / 1048576).toFixed(1)} MB gzip) from loopback, fetch + parse + cut + match, ${runs} runs (medians, each poll in a fresh process)`,
      `  baseline (empty feed) peak RSS: ${base.toFixed(0)} MB`,
      `  ${count}-item feed peak RSS:    ${peak.toFixed(0)} MB (target < 256 MB)`,
      `  above baseline:                 ${(peak - base).toFixed(0)} MB, ratio ${(peak / base).toFixed(2)}×`,
      `  items handed on:                ${last.items}, cut ${last.cut}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

if (process.argv[2] === 'poller' && process.send) {
  process.once('message', async (message: { url: string }) => {
    const result = await pollerMain(message.url);
    process.send?.(result, undefined, undefined, () => process.exit(0));
  });
} else if (process.argv[1] === here) {
  await runLargeFeedBench();
}
