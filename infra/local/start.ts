// `npm start`: the whole system on this machine, no AWS account. DynamoDB Local holds the data on disk,
// the API function answers on 127.0.0.1, the schedules run on local timers, and the poll's queue is
// in process. Ctrl-C or SIGTERM stops everything, the Java process included.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { optionalEnv } from '#shared/config/settings.ts';
import { createDynamoClient } from '#shared/store/dynamo-client.ts';
import { localTableName } from '../table.ts';
import { watchAncestors } from './ancestor-watch.ts';
import { startApiGatewayBridge } from './api-gateway-bridge.ts';
import { type DynamoDbLocal, JavaMissingError, startDynamoDbLocal } from './dynamodb-local.ts';
import { ensureTable } from './ensure-table.ts';
import { nextRuns, startLocalScheduler } from './local-scheduler.ts';
import { buildLocalTargets } from './local-targets.ts';
import { localTokenAuthority } from './local-tokens.ts';
import { readStartOptions, type StartOptions, startUsage } from './start-options.ts';

// Node 20 is supported locally; the SDK's notice about future versions is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let options: StartOptions;
try {
  options = readStartOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`npm start: ${(error as Error).message}\n${startUsage}\n`);
  process.exit(2);
}
const { apiPort, dynamoPort, dataDir } = options;

const cleanups: Array<() => Promise<unknown> | unknown> = [];
let stopping = false;

async function main() {
  const dynamo: DynamoDbLocal = await startDynamoDbLocal({
    dataDir: join(dataDir, 'dynamodb'),
    port: dynamoPort,
  });
  cleanups.push(() => dynamo.stop());
  const tableName = optionalEnv('TABLE_NAME', localTableName) as string;
  const created = await ensureTable(createDynamoClient({ endpoint: dynamo.endpoint }), tableName);
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.APP_VERSION ??= 'local';

  const outletsPath = options.demo ? await startDemoPress(dataDir) : options.outlets;
  const targets = await buildLocalTargets({
    ...(outletsPath ? { outletsPath } : {}),
    ...(options.roster ? { rosterPath: options.roster } : {}),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  // The API function reads the same files, as the deployed one reads the files bundled with it.
  process.env.OUTLETS_FILE = targets.outletsPath;
  process.env.ROSTER_FILE = targets.rosterPath;
  cleanups.push(() => targets.close());

  // Imported only now: the handler reads TABLE_NAME and the endpoint when its module loads.
  const { handler } = await import('../../functions/api/handler.ts');
  const tokens = localTokenAuthority(join(dataDir, 'jwt-secret'));
  const { server, url } = await startApiGatewayBridge(handler, tokens, apiPort);
  cleanups.push(() => closeServer(server));
  const scheduler = startLocalScheduler(targets.targets, (error) => console.error('schedule failed:', error));
  cleanups.push(() => scheduler.stop());

  const banner = [
    '',
    `Council press tracker, local stack`,
    `  dashboard   ${url}/`,
    `  API         ${url}/api/health  (public), ${url}/api/status  (token)`,
    `  DynamoDB    ${dynamo.endpoint}  table ${tableName} (${created}), data in ${join(dataDir, 'dynamodb')}`,
    `  outlets     ${targets.outletsPath}`,
    `  roster      ${targets.rosterPath}`,
    ...nextRuns().map(
      (run) => `  schedule    ${run.id}: next at ${run.next?.toISOString() ?? 'never'} (Asia/Baku cron)`,
    ),
    '',
    'Local tokens (send as "Authorization: Bearer <token>", or paste into the dashboard):',
    `  pr-staff    ${await tokens.issue('pr-staff')}`,
    `  management  ${await tokens.issue('management')}`,
    '',
    'Ctrl-C stops everything.',
    '',
  ];
  process.stdout.write(banner.join('\n'));
  if (options.demo) await targets.pollNow();
}

/** Starts the press simulator and writes its registry where the poll reads it. */
async function startDemoPress(folder: string): Promise<string> {
  const { startPressSimulator } = await import('./press-simulator.ts');
  // Fixed ports keep the demo's feed URLs, and so its source ids and feed health, across restarts.
  const simulator = await startPressSimulator({
    outlets: 6,
    firstPort: options.demoPort,
  });
  cleanups.push(() => simulator.close());
  const registry = await withDemoSearches(simulator.registry);
  const path = join(folder, 'demo-outlets.json');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path, JSON.stringify(registry, null, 2));
  process.stdout.write(`Demo press simulator: ${simulator.urls.length} sources on 127.0.0.1\n`);
  return path;
}

/**
 * Gives the demo outlets web domains (their feeds stay on loopback) and adds a news-search stand-in
 * reporting coverage from 45 outlets nobody registered, so discovered outlets and leads appear.
 */
async function withDemoSearches(registry: {
  allowPrivateAddresses: string[];
  outlets: Record<string, unknown>[];
}) {
  const { startNewsSearchStandIn, standInOutlets } = await import('./news-search-simulator.ts');
  const outlets: Record<string, unknown>[] = registry.outlets.map((outlet) => ({
    ...outlet,
    homepage: `https://${String(outlet.id)}-press.az`,
  }));
  const standIn = await startNewsSearchStandIn({
    outlets: standInOutlets(45),
    registered: outlets.map((outlet) => ({
      homepage: String(outlet.homepage),
      name: String(outlet.name),
      feedUrl: String((outlet.sources as Array<{ url: string }>)[0]?.url),
    })),
    names: [
      'Azər Allahverənov',
      'Азер Аллахверанов',
      'Azer Allahveranov',
      'Dövlət Miqrasiya Xidməti yanında İctimai Şura',
    ],
    port: options.demoPort + 50,
  });
  cleanups.push(() => standIn.close());
  process.stdout.write(`Demo news-search stand-in: ${standIn.origin} (Google News and Bing shapes)\n`);
  return { ...registry, outlets, searches: standIn.searches };
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('while stopping:', error);
    }
  }
  process.exit(code);
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

process.on('SIGINT', () => void shutdown(0));
watchAncestors(() => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

main().catch(async (error: unknown) => {
  if (error instanceof JavaMissingError) {
    console.error(error.message);
  } else {
    console.error('Local stack failed to start:', error);
  }
  await shutdown(1);
});
