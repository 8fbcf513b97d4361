// The three carriers of the mail port: SES v2 SendEmail (cloud), SMTP (when SMTP_URL is set), and
// an outbox folder of `.eml` files (local default), chosen by `mailSenderFromEnv`.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';
import { optionalEnv } from '../config/settings.ts';
import { ConfigError } from '../errors.ts';
import type { MailSender } from './mail-port.ts';
import { nodemailerSender } from './nodemailer-sender.ts';

/** SES v2 SendEmail from a verified identity, every message tagged with a configuration set. */
export function sesMailSender(options: { from: string; configurationSet: string; client?: SESv2Client }) {
  const sesClient = options.client ?? new SESv2Client({});
  // nodemailer merges `ses` into the SendEmail input, so the configuration set travels with each message.
  const transport = nodemailer.createTransport({ SES: { sesClient, SendEmailCommand } });
  return nodemailerSender(transport, {
    description: `SES (configuration set ${options.configurationSet})`,
    defaultFrom: options.from,
    extra: { ses: { ConfigurationSetName: options.configurationSet } },
    detail: (info) => `ses ${String(info.messageId ?? '')}`,
  });
}

/** SMTP to the server of an `smtp://` or `smtps://` URL (credentials may sit in the URL). */
export function smtpMailSender(options: { url: string; from: string }): MailSender {
  let parsed: URL;
  try {
    parsed = new URL(options.url);
  } catch {
    throw new ConfigError('SMTP_URL: must be a URL such as smtp://user:pass@mail.example.org:587');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new ConfigError('SMTP_URL: must start with smtp:// or smtps://');
  }
  const transport = nodemailer.createTransport(options.url);
  return nodemailerSender(transport, {
    // The description never carries the URL's credentials.
    description: `SMTP ${parsed.protocol}//${parsed.host}`,
    defaultFrom: options.from,
    detail: (info) => `smtp ${String(info.response ?? '')}`,
  });
}

/** Writes each message as an `.eml` file into `folder`, which is created when missing. */
export function outboxMailSender(options: { folder: string; from: string }): MailSender {
  const folder = resolve(options.folder);
  // The stream transport only composes the message; the file is the delivery (CRLF lines, RFC 5322).
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    description: `outbox ${folder}`,
    async send(message) {
      const info = (await transport.sendMail({
        from: message.from ?? options.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        ...(message.headers ? { headers: message.headers } : {}),
      })) as { messageId: string; message: Buffer };
      mkdirSync(folder, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeTo = message.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
      const file = join(folder, `${stamp}-${safeTo}-${randomUUID().slice(0, 8)}.eml`);
      writeFileSync(file, info.message);
      return { messageId: info.messageId, detail: file };
    },
    close: () => transport.close(),
  };
}

/** The default sender address where none is configured. */
export const defaultMailFrom = 'Council press tracker <digest@tracker.invalid>';

/** The outbox folder of the local stack, inside the git-ignored data folder. */
export function defaultOutboxFolder(dataDir = optionalEnv('TRACKER_DATA_DIR', '.local') as string): string {
  return resolve(dataDir, 'outbox');
}

/**
 * The sender the environment asks for: SES when SES_CONFIGURATION_SET is set (MAIL_FROM required),
 * else SMTP when SMTP_URL is set, else the outbox folder (MAIL_OUTBOX, default `.local/outbox`).
 */
export function mailSenderFromEnv(): MailSender {
  const configurationSet = optionalEnv('SES_CONFIGURATION_SET');
  const from = optionalEnv('MAIL_FROM');
  if (configurationSet) {
    if (!from) throw new ConfigError('Environment variable MAIL_FROM is required with SES_CONFIGURATION_SET');
    return sesMailSender({ from, configurationSet });
  }
  const smtpUrl = optionalEnv('SMTP_URL');
  if (smtpUrl) return smtpMailSender({ url: smtpUrl, from: from ?? defaultMailFrom });
  return outboxMailSender({
    folder: optionalEnv('MAIL_OUTBOX') ?? defaultOutboxFolder(),
    from: from ?? defaultMailFrom,
  });
}
