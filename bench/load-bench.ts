// Load benchmark of the API against DynamoDB Local: 50 concurrent clients for 10 seconds over 10,000
// mentions (summary by month and week, mention pages), against a baseline of one client alone in the
// same run. Reports throughput, p50/p95/p99 latency and errors. Target: no error. The ratio of the
// loaded p95 to the lone client's p50 shows how latency grows when one process serves 50 clients.
import { pathToFileURL } from 'node:url';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { startApiGatewayBridge } from '../infra/local/api-gateway-bridge.ts';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local.ts';
import { ensureTable } from '../infra/local/ensure-table.ts';
import { localTokenAuthority } from '../infra/local/local-tokens.ts';
import { benchHandler, seed } from './api-bench.ts';
import { median, ms, percentile } from './bench-stats.ts';
import { type LoadResult, runConcurrentLoad } from './concurrent-load.ts';

const paths = [
  '/api/summary?from=2025-11-30&to=2026-11-29&granularity=month',
  '/api/summary?from=2025-11-30&to=2026-11-29&granularity=week',
  '/api/mentions?from=2025-11-30&to=2026-11-29',
  '/api/mentions?from=2025-11-30&to=2026-11-29&member=sahib-mammadov',
];

function line(label: string, result: LoadResult): string {
  const errors = result.requests - (result.statuses[200] ?? 0);
  return `${label.padEnd(22)} ${String(result.requests).padStart(6)} requests  ${(result.requests / result.seconds).toFixed(0).padStart(5)}/s  p50 ${ms(median(result.latencies)).padStart(9)}  p95 ${ms(percentile(result.latencies, 95)).padStart(9)}  p99 ${ms(percentile(result.latencies, 99)).padStart(9)}  errors ${errors}`;
}

/** Runs the load benchmark and prints its figures. */
export async function runLoadBench(clients = 50, seconds = 10, mentions = 10_000): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  try {
    const client = createDynamoClient({ endpoint: dynamo.endpoint });
    const tableName = 'bench-load';
    await ensureTable(client, tableName);
    const db = createDocumentClient(client);
    await seed({ db, tableName }, mentions);
    const tokens = localTokenAuthority();
    const { server, url } = await startApiGatewayBridge(await benchHandler({ db, tableName }), tokens, 0);
    const token = await tokens.issue('management');
    const send = async (who: number, sequence: number) => {
      const response = await fetch(`${url}${paths[(who + sequence) % paths.length]}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      return response.status;
    };
    await runConcurrentLoad({ clients: 1, durationMs: 2000, send }); // warm-up
    const alone = await runConcurrentLoad({ clients: 1, durationMs: 5000, send });
    const loaded = await runConcurrentLoad({ clients, durationMs: seconds * 1000, send });
    server.closeAllConnections();
    server.close();
    client.destroy();
    console.log(`\nAPI under load (${mentions} mentions in DynamoDB Local, HTTP through the local bridge)`);
    console.log(line('1 client, 5 s', alone));
    console.log(line(`${clients} clients, ${seconds} s`, loaded));
    const ratio = percentile(loaded.latencies, 95) / median(alone.latencies);
    console.log(
      `p95 under load / p50 alone: ${ratio.toFixed(1)}×  ` +
        `errors: ${loaded.requests - (loaded.statuses[200] ?? 0)} (target 0)`,
    );
  } finally {
    await dynamo.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runLoadBench();
}
