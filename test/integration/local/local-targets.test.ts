// The local schedule runs the functions the cloud runs, each built by its factory: the dispatch handler
// queues the due sources, the in-process queue hands SQS-shaped events to the scrape worker's handler,
// and the run is recorded for /api/status.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRosterPath } from '#shared/config/roster.ts';
import { openIngestion } from '#shared/ingest/open-ingestion.ts';
import { schedules } from '#shared/schedules.ts';
import { listMentions } from '#shared/store/mention-list.ts';
import { lastScheduleRuns } from '#shared/store/schedule-runs.ts';
import { createScrapeWorkerHandler } from '../../../functions/scrape-worker/handler.ts';
import { sqsEvent } from '../../../infra/local/in-process-sqs-queue.ts';
import { buildLocalTargets, type LocalTargetSet } from '../../../infra/local/local-targets.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { type FeedServer, fixed, startFeedServer } from '../../helpers/feed-server.ts';

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test press</title><link>https://press.example/</link>
<item><title>Azər Allahverənovun miqrasiya təklifləri</title><link>https://press.example/az/1</link>
<guid>az-1</guid><pubDate>Mon, 23 Nov 2026 08:00:00 +0400</pubDate>
<description>Dövlət Miqrasiya Xidməti yanında İctimai Şuranın sədri çıxış edib.</description></item>
</channel></rss>`;

let server: FeedServer;
let table: Awaited<ReturnType<typeof createTestTable>>;
let targets: LocalTargetSet;
const folder = mkdtempSync(join(tmpdir(), 'tracker-targets-'));
const lines: string[] = [];

beforeAll(async () => {
  server = await startFeedServer({ '/rss': fixed(rss, 'application/rss+xml; charset=utf-8') });
  table = await createTestTable();
  const outletsPath = join(folder, 'outlets.json');
  writeFileSync(
    outletsPath,
    JSON.stringify({
      allowPrivateAddresses: ['127.0.0.0/8'],
      outlets: [
        {
          id: 'press',
          name: 'Test Press',
          languages: ['az'],
          homepage: 'https://press.example/',
          sources: [{ type: 'feed', url: server.url('/rss') }],
        },
      ],
    }),
  );
  targets = await buildLocalTargets({
    table: { tableName: table.tableName, endpoint: table.endpoint },
    outletsPath,
    log: (line) => lines.push(line),
  });
});
afterAll(async () => {
  await targets?.close();
  await server?.close();
  await table?.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe('local targets', () => {
  it('runs the poll schedule through the dispatch and scrape worker handlers', async () => {
    const schedule = schedules.find((entry) => entry.id === 'poll-press');
    if (!schedule) throw new Error('no poll-press schedule');
    await targets.targets[schedule.target](schedule);

    expect(lines).toContain('poll: 1 batches delivered to the scrape worker');
    expect(lines).toContain('polled sources=1 written=1 failed=0');
    expect(lines).toContain('schedule poll-press: succeeded (1 sources in 1 batches)');
    const context = { db: table.documentClient, tableName: table.tableName };
    const [run] = await lastScheduleRuns(context, ['poll-press']);
    expect(run).toMatchObject({ scheduleId: 'poll-press', outcome: 'succeeded' });
    const page = await listMentions(
      context,
      { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
      10,
    );
    expect(page.items.map((item) => item.title)).toContain('Azər Allahverənovun miqrasiya təklifləri');
  });

  it('reports a message the worker cannot read as a failed item of its SQS batch', async () => {
    const ingestion = await openIngestion({
      table: { tableName: table.tableName, endpoint: table.endpoint },
      outletsPath: join(folder, 'outlets.json'),
      rosterPath: resolveRosterPath(),
    });
    const worker = createScrapeWorkerHandler({ ...ingestion, log: () => undefined });
    const good = sqsEvent(JSON.stringify({ sourceIds: ['gone'], dispatchedAt: new Date().toISOString() }));
    const bad = sqsEvent('not a poll batch');
    const both = { Records: [...good.Records, ...bad.Records] };
    const response = await worker(both);
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: bad.Records[0]?.messageId }]);
    // Every record failing fails the invocation, so SQS retries the whole batch.
    await expect(worker(bad)).rejects.toThrow(/All records failed/);
    await ingestion.storage.close();
  });
});
