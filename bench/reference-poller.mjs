// The reference poller the CLI's poll is measured against: plain JavaScript (no build, no
// TypeScript), Node's own fetch with 32 requests in flight, each body read whole and nothing
// parsed. `node bench/reference-poller.mjs <file with one URL a line>` prints the bytes read.
import { readFileSync } from 'node:fs';

const urls = readFileSync(process.argv[2] ?? '', 'utf8')
  .split('\n')
  .filter(Boolean);
const inFlight = 32;
let next = 0;
let bytes = 0;
let failed = 0;

async function worker() {
  while (next < urls.length) {
    const url = urls[next++];
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
      bytes += (await response.arrayBuffer()).byteLength;
    } catch {
      failed++;
    }
  }
}

await Promise.all(Array.from({ length: inFlight }, worker));
process.stdout.write(`${JSON.stringify({ urls: urls.length, bytes, failed })}\n`);
