// `npm start`: the whole system on this machine, no AWS account. DynamoDB Local holds the data on disk,
// the API function answers on 127.0.0.1, the schedules run on local timers and the poll's queue is in
// process; every function runs through the factory its handler.ts exports, as in the cloud. Ctrl-C,
// SIGTERM (to node, or to npm) stops everything, the Java process included, and the last log line says why.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { optionalEnv } from '#shared/config/settings.ts';
import { facebookSettingsFromEnv } from '#shared/facebook/facebook-settings.ts';
import { schedules } from '#shared/schedules.ts';
import { createDynamoClient } from '#shared/store/dynamo-client.ts';
import { openApiDependencies } from '../../functions/api/api-dependencies.ts';
import { createApiHandler } from '../../functions/api/handler.ts';
import { localTableName } from '../table.ts';
import { launcherChain, watchAncestors } from './ancestor-watch.ts';
import { startApiGatewayBridge } from './api-gateway-bridge.ts';
import { type DynamoDbLocal, JavaMissingError, startDynamoDbLocal } from './dynamodb-local.ts';
import { ensureTable } from './ensure-table.ts';
import { nextRuns, startLocalScheduler } from './local-scheduler.ts';
import { buildLocalTargets } from './local-targets.ts';
import { localTokenAuthority } from './local-tokens.ts';
import { PortTakenError } from './port-owner.ts';
import { removeStackFile, writeStackFile } from './stack-file.ts';
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
const log = (line: string) => process.stdout.write(`${line}\n`);

const cleanups: Array<() => Promise<unknown> | unknown> = [];
let stopping = false;

async function main() {
  const dynamo: DynamoDbLocal = await startDynamoDbLocal({
    dataDir: join(dataDir, 'dynamodb'),
    port: dynamoPort,
  });
  cleanups.push(() => dynamo.stop());
  const table = { tableName: optionalEnv('TABLE_NAME', localTableName) as string, endpoint: dynamo.endpoint };
  const created = await ensureTable(createDynamoClient({ endpoint: dynamo.endpoint }), table.tableName);

  const outletsPath = options.demo ? await startDemoPress(dataDir) : options.outlets;
  // Mail of the local stack goes to the data folder's outbox unless SMTP_URL names a server.
  process.env.MAIL_OUTBOX ??= join(dataDir, 'outbox');
  // The API seals webhook addresses and the alerts run opens them: both read this one key file.
  process.env.ALERT_KEY_FILE ??= join(dataDir, 'alert-key');
  if (options.demo) await startDemoFacebook();
  const targets = await buildLocalTargets({
    table,
    ...(outletsPath ? { outletsPath } : {}),
    ...(options.roster ? { rosterPath: options.roster } : {}),
    dashboardUrl: `http://127.0.0.1:${apiPort}`,
    log,
  });
  cleanups.push(() => targets.close());

  // The API reads the same files, as the deployed function reads the files bundled with it.
  const api = createApiHandler(
    await openApiDependencies({
      table,
      outletsPath: targets.outletsPath,
      rosterPath: targets.rosterPath,
      version: optionalEnv('APP_VERSION', 'local') as string,
      scheduleIds: schedules.map((schedule) => schedule.id),
      auth: { mode: 'local' },
      facebookPageId: facebookSettingsFromEnv()?.pageId,
    }),
  );
  const tokens = localTokenAuthority(join(dataDir, 'jwt-secret'));
  const { server, url } = await startApiGatewayBridge(api, tokens, apiPort);
  cleanups.push(() => closeServer(server));
  // The operator CLI reads this to reach the same DynamoDB Local (cli/local-endpoint.ts).
  writeStackFile(dataDir, {
    apiUrl: url,
    dynamoEndpoint: dynamo.endpoint,
    tableName: table.tableName,
    pid: process.pid,
  });
  cleanups.push(() => removeStackFile(dataDir));
  const scheduler = startLocalScheduler(targets.targets, (error) => console.error('schedule failed:', error));
  cleanups.push(() => scheduler.stop());

  const listening = dynamo.loopbackOnly
    ? '127.0.0.1 only'
    : `EVERY interface, not only 127.0.0.1: ${dynamo.fallbackReason}`;
  const banner = [
    '',
    `Council press tracker, local stack`,
    `  dashboard   ${url}/`,
    `  API         ${url}/api/health  (public), ${url}/api/status  (token)`,
    `  DynamoDB    ${dynamo.endpoint}  table ${table.tableName} (${created}), data in ${join(dataDir, 'dynamodb')}`,
    `              listening on ${listening}`,
    `  outlets     ${targets.outletsPath}`,
    `  roster      ${targets.rosterPath}`,
    `  mail        ${targets.mailDescription}`,
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
  log(banner.join('\n'));
  if (options.demo) {
    await targets.pollNow();
    // The daily snapshot covers 30 days; the demo backfills the stand-in's whole 120.
    await targets.backfillFacebook(120);
  }
}

/** Starts the Graph API stand-in (unless a page of one's own is configured). */
async function startDemoFacebook() {
  const { startDemoGraph } = await import('./graph-demo.ts');
  const graph = await startDemoGraph(resolveRosterPath(options.roster));
  if (!graph) return;
  cleanups.push(() => graph.close());
  log(`Demo Graph API stand-in: page ${graph.pageId} on ${graph.url}`);
}

/** Starts the press simulator and writes its registry where the poll reads it. */
async function startDemoPress(folder: string): Promise<string> {
  const { startPressSimulator } = await import('./press-simulator.ts');
  const { pressMembers } = await import('./press-articles.ts');
  // Fixed ports keep the demo's feed URLs, and so its source ids and feed health, across restarts.
  // Six outlets carry a quarter of coverage of the roster's members; a seventh fails, as one always does.
  const simulator = await startPressSimulator({
    outlets: 6,
    failing: 1,
    members: pressMembers(loadRoster(resolveRosterPath(options.roster))),
    firstPort: options.demoPort,
  });
  cleanups.push(() => simulator.close());
  const registry = await withDemoSearches(simulator.registry);
  const path = join(folder, 'demo-outlets.json');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path, JSON.stringify(registry, null, 2));
  log(`Demo press simulator: ${simulator.urls.length} sources on 127.0.0.1`);
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
  log(`Demo news-search stand-in: ${standIn.origin} (Google News and Bing shapes)`);
  return { ...registry, outlets, searches: standIn.searches };
}

/** Stops everything once, then says why in the last line of the log. */
async function shutdown(reason: string, code: number) {
  if (stopping) return;
  stopping = true;
  log(`Stopping: ${reason}.`);
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('while stopping:', error);
    }
  }
  log(`Local stack stopped: ${reason}.`);
  process.exit(code);
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(`received ${signal}`, 0));
}
watchAncestors(launcherChain(), (gone) => void shutdown(`${gone.name} (pid ${gone.pid}) exited`, 0));
process.on('uncaughtException', (error) => void shutdown(`unexpected error: ${error.stack ?? error}`, 1));

main().catch(async (error: unknown) => {
  const known = error instanceof JavaMissingError || error instanceof PortTakenError;
  if (!known) console.error(error);
  await shutdown(`it could not start: ${(error as Error).message}`, 1);
});
