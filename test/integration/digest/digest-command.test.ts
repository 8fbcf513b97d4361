// `npm run --silent tracker -- digest …` exactly as an operator types it, against DynamoDB Local
// and a real SMTP server on 127.0.0.1: previews send and record nothing; --send sends once;
// --resend sends again on purpose.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDigestRecord } from '#shared/store/digest-records.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { hostileTitle, seedDigestWeek } from '../../helpers/digest-week-seed.ts';
import { createTestTable } from '../../helpers/dynamo.ts';
import { startSmtpSink } from '../../helpers/smtp-sink.ts';

let testTable: Awaited<ReturnType<typeof createTestTable>>;
let table: TableContext;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const folder = mkdtempSync(join(tmpdir(), 'digest-cli-'));
const digestFile = join(folder, 'digest.json');

/** Runs the CLI as written in the README; resolves with its exit code and output. */
function tracker(args: string[], extraEnv: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'tracker', '--', ...args],
      {
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: testTable.endpoint,
          TABLE_NAME: testTable.tableName,
          DIGEST_FILE: digestFile,
          DASHBOARD_URL: 'https://tracker.example',
          SMTP_URL: smtp.url,
          ...extraEnv,
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  testTable = await createTestTable();
  table = { db: testTable.documentClient, tableName: testTable.tableName };
  smtp = await startSmtpSink();
  await seedDigestWeek(table);
  writeFileSync(
    digestFile,
    JSON.stringify({
      recipients: [
        { address: 'press@council.example', language: 'az' },
        { address: 'board@council.example', language: 'en', members: ['azer-allahveranov'] },
      ],
    }),
  );
});

afterAll(async () => {
  await smtp?.close();
  await testTable?.drop();
});

// Each case starts the CLI through npm and tsx, a few seconds apiece on a busy machine.
describe('tracker digest', { timeout: 90_000 }, () => {
  it('previews without sending or recording anything, to stdout or an .eml file', async () => {
    const out = join(folder, 'preview.eml');

    const [printed, written] = await Promise.all([
      tracker(['digest', '--week', '2026-W48', '--lang', 'en']),
      tracker(['digest', '--week', '2026-W48', '--lang', 'az', '--out', out]),
    ]);

    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^Subject: Press digest 2026-W48 \(.+\): 6 mentions, 4 outlets\n/);
    expect(printed.stdout).toContain('https://tracker.example/#from=2026-11-23&to=2026-11-29');
    expect(written.code).toBe(0);
    const eml = await simpleParser(readFileSync(out));
    expect(eml.subject).toMatch(/^Mətbuat icmalı 2026-W48/);
    expect(eml.text).toContain(hostileTitle);
    expect(eml.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(eml.html).not.toMatch(/<img/);
    expect(smtp.received).toHaveLength(0);
    expect(await readDigestRecord(table, '2026-W48')).toBeUndefined();
  });

  it('sends with --send once, nothing on a second --send, and again with --resend', async () => {
    const first = await tracker(['digest', '--week', '2026-W48', '--send']);
    const second = await tracker(['digest', '--week', '2026-W48', '--send']);
    const afterSecond = smtp.received.length;
    const resent = await tracker(['digest', '--week', '2026-W48', '--send', '--resend']);

    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      week: '2026-W48',
      sent: ['press@council.example', 'board@council.example'],
    });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      sent: [],
      skipped: ['press@council.example', 'board@council.example'],
    });
    expect(afterSecond).toBe(2);
    expect(resent.code).toBe(0);
    expect(smtp.received).toHaveLength(4);
    const record = await readDigestRecord(table, '2026-W48');
    expect(record?.recipients['board@council.example']?.status).toBe('sent');
  });

  it('explains bad input and exits non-zero', async () => {
    const [noWeek, badWeek, resendAlone, help] = await Promise.all([
      tracker(['digest']),
      tracker(['digest', '--week', '2026-W60']),
      tracker(['digest', '--week', '2026-W48', '--resend']),
      tracker(['digest', '--help']),
    ]);

    expect(noWeek.code).toBe(2);
    expect(noWeek.stderr).toContain('--week is required');
    expect(badWeek.code).toBe(1);
    expect(badWeek.stderr).toContain('week: "2026-W60" is not an ISO week');
    expect(resendAlone.code).toBe(2);
    expect(resendAlone.stderr).toContain('give --send with it');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: tracker digest --week/);
  });
});
