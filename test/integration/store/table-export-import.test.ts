// Export and import of the whole table: 10,000 items of every kind (articles, mentions, reviews,
// manual mentions, feed states, and kinds the store has no code for) go out and come back equal, item
// by item; the aggregates are recomputed from the mentions rather than copied; a second import changes
// nothing; a damaged file writes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordArticle } from '#shared/store/article-writes.ts';
import { aggregateBucketOf, aggregateKey } from '#shared/store/keys.ts';
import { reviewMention } from '#shared/store/mention-review.ts';
import { runExportCommand } from '../../../cli/commands/export-command.ts';
import { runImportCommand } from '../../../cli/commands/import-command.ts';
import { runRecountCommand } from '../../../cli/commands/recount-command.ts';
import type { TransferConnection } from '../../../cli/table-connection.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import {
  aggregatesOf,
  numberedArticle,
  numberedMentions,
  putRawItems,
  type RawItem,
  scanTable,
  seedNumberedArticles,
} from '../../helpers/table-contents.ts';

type TestTable = Awaited<ReturnType<typeof createTestTable>>;
const wanted = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'export-'));
const tables: TestTable[] = [];
let source: TestTable;

async function newTable() {
  const table = await createTestTable();
  tables.push(table);
  return table;
}

const opener = (table: TestTable) => async (): Promise<TransferConnection> => ({
  client: table.client,
  db: table.documentClient,
  tableName: table.tableName,
  where: table.tableName,
  close: () => {},
});

async function run(
  command: typeof runExportCommand,
  argv: string[],
  table: TestTable,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (chunk) => out.push(String(chunk)));
  stderr.on('data', (chunk) => err.push(String(chunk)));
  const code = await command(argv, { stdin: new PassThrough(), stdout, stderr }, opener(table));
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Items of kinds this code has no special handling for, with every DynamoDB attribute type. */
function otherKinds(count: number): RawItem[] {
  const prefixes = ['LEAD#', 'OUTLET#', 'FB#', 'DIGEST#', 'EVENT#'];
  return Array.from({ length: count }, (_, index) => {
    const prefix = prefixes[index % prefixes.length] as string;
    return {
      PK: { S: `${prefix}${index}` },
      SK: { S: index % 3 === 0 ? 'META' : `V#${index}` },
      type: { S: prefix.slice(0, -1).toLowerCase() },
      name: { S: `Ünvan ${index} — «Şura» 𝔸 \u0000 "quoted"` },
      big: { N: '12345678901234567890.5' },
      flag: { BOOL: index % 2 === 0 },
      nothing: { NULL: true },
      tags: { SS: ['az', `t${index}`] },
      scores: { NS: ['-1', '2.5', String(index + 10)] },
      blob: { B: Uint8Array.from([0, 255, index % 256, 10, 13]) },
      blobs: { BS: [Uint8Array.from([1]), Uint8Array.from([2, index % 256])] },
      nested: { M: { list: { L: [{ S: 'x' }, { N: '-0.001' }, { M: { deep: { BOOL: false } } }] } } },
    };
  });
}

/** Every item but the aggregates, which an import recomputes. */
const withoutAggregates = (items: Map<string, RawItem>) =>
  new Map([...items].filter(([, item]) => aggregateBucketOf(item.PK?.S ?? '') === undefined));

beforeAll(async () => {
  source = await newTable();
  const context = { db: source.documentClient, tableName: source.tableName };
  await seedNumberedArticles(context, 0, 300, 4);
  for (let index = 300; index < 310; index++) {
    await recordArticle(
      context,
      { ...numberedArticle(index), manual: { medium: 'print', description: 'Qəzet, səh. 3' } },
      numberedMentions(index),
      'manual',
    );
  }
  for (let index = 0; index < 60; index++) {
    await reviewMention(context, {
      mentionId: `art${String(index).padStart(6, '0')}~azer-allahveranov`.replace(
        'azer-allahveranov',
        numberedMentions(index)[0]?.entityId as string,
      ),
      decision: index % 3 === 0 ? 'rejected' : 'confirmed',
      note: `review ${index}`,
      by: 'staff@example.az',
      at: '2026-11-30T09:00:00.000Z',
    });
  }
  const stored = withoutAggregates(await scanTable(source.client, source.tableName)).size;
  await putRawItems(source.client, source.tableName, otherKinds(wanted - stored));
}, 240_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(tables.map((table) => table.drop()));
});

describe('tracker export and import', () => {
  it('carries all 10,000 items to another table, each equal to the original', async () => {
    const file = join(dir, 'all.jsonl');
    const before = await scanTable(source.client, source.tableName);
    expect(withoutAggregates(before).size).toBe(wanted);

    const exported = await run(runExportCommand, ['--out', file], source);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/export: wrote \d+ items/);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(before.size);

    const target = await newTable();
    const imported = await run(runImportCommand, ['--in', file], target);
    expect(imported.stderr).toContain(`import: wrote ${wanted} items`);
    expect(imported.code).toBe(0);

    const after = await scanTable(target.client, target.tableName);
    expect([...withoutAggregates(after).keys()].sort()).toEqual([...withoutAggregates(before).keys()].sort());
    for (const [key, item] of withoutAggregates(before)) expect(after.get(key), key).toEqual(item);
    expect(aggregatesOf(after)).toEqual(aggregatesOf(before));
    expect(Object.keys(aggregatesOf(after)).length).toBeGreaterThan(50);

    const again = await run(runImportCommand, ['--in', file], target);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('0 counters corrected');
    expect(await scanTable(target.client, target.tableName)).toEqual(after);
  }, 180_000);

  it('recomputes aggregates instead of trusting the file, and recount repairs the source', async () => {
    const month = aggregateKey('2026-11');
    await source.documentClient.send(
      new UpdateCommand({
        TableName: source.tableName,
        Key: month,
        UpdateExpression: 'ADD #total :five, #ghost :one',
        ExpressionAttributeNames: { '#total': 'total', '#ghost': 'p#nobody' },
        ExpressionAttributeValues: { ':five': 5, ':one': 1 },
      }),
    );
    const file = join(dir, 'damaged-aggregates.jsonl');
    expect((await run(runExportCommand, ['--out', file], source)).code).toBe(0);
    const target = await newTable();
    expect((await run(runImportCommand, ['--in', file], target)).code).toBe(0);
    expect((await run(runRecountCommand, ['--check'], target)).code).toBe(0);

    const check = await run(runRecountCommand, ['--check', '--json'], source);
    expect(check.code).toBe(1);
    const drift = JSON.parse(check.stdout).drift;
    expect(drift).toEqual([
      { bucket: '2026-11', counter: 'p#nobody', stored: 1, expected: 0 },
      expect.objectContaining({ bucket: '2026-11', counter: 'total' }),
    ]);
    expect(drift[1].stored - drift[1].expected).toBe(5);

    expect((await run(runRecountCommand, [], source)).code).toBe(0);
    const clean = await run(runRecountCommand, ['--check'], source);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('drift: 0 counters');
    expect(aggregatesOf(await scanTable(target.client, target.tableName))).toEqual(
      aggregatesOf(await scanTable(source.client, source.tableName)),
    );
  }, 120_000);

  it('rejects a damaged file naming the line, and writes nothing', async () => {
    const file = join(dir, 'broken.jsonl');
    const good = readFileSync(join(dir, 'all.jsonl'), 'utf8').split('\n').slice(0, 30);
    writeFileSync(file, [...good, '{"Item":{"PK":{"S":"X"},"SK":{"Q":"?"}}}', ...good].join('\n'));
    const target = await newTable();

    const outcome = await run(runImportCommand, ['--in', file], target);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('line 31: attribute SK: not a DynamoDB JSON attribute value');
    expect((await scanTable(target.client, target.tableName)).size).toBe(0);
  });

  it('works as `npm run --silent tracker -- export --out file.jsonl` against a named table', () => {
    const file = join(dir, 'cli.jsonl');
    const result = spawnSync('npm', ['run', '--silent', 'tracker', '--', 'export', '--out', file], {
      encoding: 'utf8',
      env: { ...process.env, DYNAMODB_ENDPOINT: source.endpoint, TABLE_NAME: source.tableName },
      timeout: 60_000,
    });
    expect(result.stderr).toContain(`export: reading ${source.tableName} at ${source.endpoint}`);
    expect(result.status).toBe(0);
    expect(readFileSync(file, 'utf8').trim().split('\n').length).toBeGreaterThan(wanted);
  }, 70_000);
});
