// The mail port's carriers against real endpoints on 127.0.0.1: an SES v2 API stand-in (plain HTTP)
// that records the SendEmail call, and the outbox folder's .eml files read back with mailparser.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMailSender, sesMailSender, smtpMailSender } from '#shared/mail/mail-senders.ts';

const message = {
  to: 'press@council.example',
  subject: 'Mətbuat icmalı 2026-W48',
  html: '<p>Salam &lt;b&gt;</p>',
  text: 'Salam <b>',
};

let sesCalls: Array<{ path: string; body: Record<string, unknown> }> = [];
const sesApi = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    sesCalls.push({ path: request.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString() || '{}') });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ MessageId: 'ses-message-1' }));
  });
});

beforeAll(() => new Promise<void>((resolve) => sesApi.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => sesApi.close(() => resolve())));

describe('sesMailSender', () => {
  it('calls SendEmail with the configuration set, the verified sender and both parts', async () => {
    // Arrange
    sesCalls = [];
    const { port } = sesApi.address() as AddressInfo;
    const client = new SESv2Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const sender = sesMailSender({
      from: 'Tracker <digest@council.example>',
      configurationSet: 'digest-set',
      client,
    });

    // Act
    const receipt = await sender.send(message);

    // Assert
    expect(sesCalls).toHaveLength(1);
    const call = sesCalls[0] as (typeof sesCalls)[number];
    expect(call.path).toBe('/v2/email/outbound-emails');
    expect(call.body).toMatchObject({
      ConfigurationSetName: 'digest-set',
      FromEmailAddress: 'Tracker <digest@council.example>',
    });
    const raw = Buffer.from(String((call.body.Content as { Raw: { Data: string } }).Raw.Data), 'base64');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toContain('&lt;b&gt;');
    expect(receipt.detail).toContain('ses');
  });
});

describe('outboxMailSender', () => {
  it('writes one .eml file per message that a mail program can read', async () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox');
    const sender = outboxMailSender({ folder, from: 'Tracker <digest@tracker.invalid>' });

    const receipt = await sender.send(message);

    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/press@council\.example.*\.eml$/);
    expect(receipt.detail).toBe(join(folder, files[0] as string));
    const parsed = await simpleParser(readFileSync(receipt.detail));
    expect(parsed.to).toMatchObject({ text: 'press@council.example' });
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toContain('Salam');
  });
});

describe('smtpMailSender', () => {
  it('refuses a URL that is not smtp:// and never shows credentials in its description', () => {
    expect(() => smtpMailSender({ url: 'http://mail.example', from: 'a@b.example' })).toThrow(
      /^SMTP_URL: must start/,
    );
    const sender = smtpMailSender({ url: 'smtp://user:secret@127.0.0.1:2525', from: 'a@b.example' });
    expect(sender.description).toBe('SMTP smtp://127.0.0.1:2525');
    sender.close();
  });
});
