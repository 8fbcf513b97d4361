// A 503 whose Retry-After no Date can hold (or a date centuries ahead) defers its source for at
// most a week, and every other source of the run still gets its line and its state: through the
// real CLI (`tracker poll --dry-run --json`) and through the stored path (DynamoDB Local).
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOutlets } from '#shared/config/outlets.ts';
import { pollSources } from '#shared/feeds/poll/poll-sources.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

const week = 7 * 24 * 3600_000;
const feed =
  '<rss version="2.0"><channel><title>t</title><link>https://press.example/</link>' +
  '<item><title>Healthy</title><link>/a</link><guid>a-1</guid></item></channel></rss>';
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'cli/tracker.ts', 'poll', ...args],
      { cwd: repoRoot },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('a Retry-After beyond any sane wait', () => {
  let server: FeedServer;
  const paths = ['/forever', '/far-date', '/rss', '/status-404'];
  const registryJson = () => ({
    allowPrivateAddresses: ['127.0.0.0/8'],
    outlets: [
      {
        id: 'press',
        name: 'Press',
        languages: ['az'],
        homepage: 'https://press.example',
        sources: paths.map((p) => ({ type: 'feed', url: server.url(p) })),
      },
    ],
  });

  beforeAll(async () => {
    server = await startFeedServer({
      '/forever': (_req, res) => res.writeHead(503, { 'retry-after': '99999999999999' }).end(),
      '/far-date': (_req, res) =>
        res.writeHead(503, { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }).end(),
      '/rss': fixed(feed, 'application/rss+xml'),
    });
  });
  afterAll(() => server.close());

  it('prints a line for every source through the real CLI and exits 0', async () => {
    // Arrange
    const folder = await mkdtemp(join(tmpdir(), 'retry-after-'));
    const outlets = join(folder, 'outlets.json');
    const state = join(folder, 'poll-state.json');
    await writeFile(outlets, JSON.stringify(registryJson()));
    const started = Date.now();

    // Act
    const first = await runCli(['--outlets', outlets, '--once', '--dry-run', '--json', '--state', state]);
    const second = await runCli(['--outlets', outlets, '--dry-run', '--json', '--state', state]);

    // Assert
    expect(first.stderr).not.toMatch(/Invalid time value|RangeError/);
    expect(first.code).toBe(0);
    const lines = first.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.url)).toEqual(paths.map((p) => server.url(p)));
    for (const line of lines.slice(0, 2)) {
      expect(line).toMatchObject({ deferred: true, items: [] });
      const until = Date.parse(line.until);
      expect(until).toBeGreaterThan(started + week - 60_000);
      expect(until).toBeLessThanOrEqual(Date.now() + week);
    }
    expect(lines[2].items.map((i: { title: string }) => i.title)).toEqual(['Healthy']);
    expect(lines[3]).toEqual({
      url: server.url('/status-404'),
      error: { kind: 'http-status', message: 'HTTP 404' },
    });
    // The deferral was kept: without --once the two deferred sources are skipped, the others polled.
    const again = second.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(second.code).toBe(0);
    expect(again.map((l) => Boolean(l.skipped))).toEqual([true, true, false, false]);
  });

  it('stores a deferral of at most a week and every other source state in the table', async () => {
    // Arrange
    const table = await createTestTable();
    const context = { db: table.documentClient, tableName: table.tableName };
    const registry = parseOutlets(registryJson(), 'test registry');
    const sourceIds = registry.outlets[0]?.sources.map((s) => s.sourceId) ?? [];
    try {
      // Act
      const reports = await pollSources({
        registry,
        stateStore: dynamoFeedStateStore(context),
        sink: { store: async (_o, _s, items) => ({ written: items.length }) },
      });
      const states = await dynamoFeedStateStore(context).load(sourceIds);

      // Assert
      expect(reports.map((r) => r.status)).toEqual(['deferred', 'deferred', 'items', 'error']);
      expect(states.size).toBe(4);
      for (const id of sourceIds.slice(0, 2)) {
        const until = Date.parse(states.get(id)?.deferredUntil ?? '');
        expect(until).toBeLessThanOrEqual(Date.now() + week);
        expect(until).toBeGreaterThan(Date.now() + week - 120_000);
      }
      expect(states.get(sourceIds[2] as string)).toMatchObject({ itemsSeen: 1, consecutiveFailures: 0 });
      expect(states.get(sourceIds[3] as string)?.lastError?.kind).toBe('http-status');
    } finally {
      await table.drop();
    }
  });

  it('records a state store failure on its own source and polls the rest', async () => {
    // Arrange: the store refuses one source's state, as a full disk or a throttled table would.
    const registry = parseOutlets(registryJson(), 'test registry');
    const saved: string[] = [];
    const refused = registry.outlets[0]?.sources[2]?.sourceId;

    // Act
    const reports = await pollSources({
      registry,
      stateStore: {
        load: async () => new Map(),
        save: async (state) => {
          if (state.sourceId === refused) throw new RangeError('Invalid time value');
          saved.push(state.sourceId);
        },
      },
      sink: { store: async () => ({ written: 0 }) },
    });

    // Assert
    expect(reports.map((r) => r.status)).toEqual(['deferred', 'deferred', 'error', 'error']);
    expect(reports[2]?.error).toEqual({ kind: 'storage', message: 'state not saved: Invalid time value' });
    expect(saved).toHaveLength(3);
  });
});
