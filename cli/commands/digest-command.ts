// `tracker digest`: renders a week's digest for a look (stdout, or an .eml file with --out), and
// with --send mails it to the configured readers through the same send-once record as the schedule.
import { writeFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import {
  type DigestLanguage,
  digestLanguages,
  loadDigestConfig,
  resolveDigestPath,
} from '#shared/config/digest-recipients.ts';
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { optionalEnv } from '#shared/config/settings.ts';
import { buildDigestContent } from '#shared/digest/digest-content.ts';
import { describeRun } from '#shared/digest/digest-run.ts';
import { parseIsoWeek } from '#shared/digest/digest-week.ts';
import { renderDigest } from '#shared/digest/render-digest.ts';
import { sendWeeklyDigest } from '#shared/digest/send-weekly-digest.ts';
import type { MailSender } from '#shared/mail/mail-port.ts';
import { defaultMailFrom } from '#shared/mail/mail-senders.ts';
import { parseCommandFlags, usageError } from '../command-flags.ts';
import type { TableConnection } from '../table-connection.ts';

const usage =
  'usage: tracker digest --week <yyyy-Www> [--lang az|en|ru] [--out <file.eml>] [--send] [--resend]\n' +
  '  without --send: prints the subject and text part (or writes --out); sends and records nothing\n' +
  '  --send: mails the readers of config/digest.json (DIGEST_FILE) still due for the week; --lang limits it to one language\n' +
  '  --send --resend: mails them all again, on purpose';

/** What the command needs from its host. */
export interface DigestCommandDeps {
  openTable: () => Promise<TableConnection>;
  openMail: () => MailSender;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now?: () => Date;
}

/** Runs `digest`; resolves to the exit code (1 when a reader could not be reached or input is bad). */
export async function runDigestCommand(argv: string[], deps: DigestCommandDeps): Promise<number> {
  const err = (line: string) => deps.stderr.write(`${line}\n`);
  const parsed = parseCommandFlags(
    argv,
    {
      week: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      send: { type: 'boolean' },
      resend: { type: 'boolean' },
    },
    { usage },
    deps,
  );
  if (typeof parsed === 'number') return parsed;
  const flags = parsed.values;
  const problem = !flags.week
    ? '--week is required, e.g. --week 2026-W48'
    : flags.lang && !digestLanguages.includes(flags.lang as DigestLanguage)
      ? `--lang must be one of ${digestLanguages.join(', ')}`
      : flags.resend && !flags.send
        ? '--resend sends again on purpose: give --send with it'
        : flags.send && flags.out
          ? '--out writes a preview; it does not go with --send'
          : undefined;
  if (problem) return usageError(deps, problem, { usage });
  let open: TableConnection | undefined;
  let mail: MailSender | undefined;
  try {
    const week = parseIsoWeek(flags.week as string);
    const roster = loadRoster(resolveRosterPath());
    const registry = await loadOutlets(resolveOutletsPath());
    open = await deps.openTable();
    const sources = {
      table: open.table,
      registry,
      dashboardUrl: optionalEnv('DASHBOARD_URL', 'http://127.0.0.1:3000') as string,
      now: deps.now ?? (() => new Date()),
    };
    const language = (flags.lang ?? 'az') as DigestLanguage;
    if (!flags.send) {
      const rendered = renderDigest(await buildDigestContent(sources, week), { language, roster });
      if (flags.out) {
        writeFileSync(flags.out, await composeEml(rendered));
        err(`wrote ${flags.out}`);
      } else {
        deps.stdout.write(`Subject: ${rendered.subject}\n\n${rendered.text}`);
      }
      return 0;
    }
    const recipients = loadDigestConfig(resolveDigestPath(), roster).recipients.filter(
      (recipient) => !flags.lang || recipient.language === flags.lang,
    );
    mail = deps.openMail();
    err(`sending ${week.week} to ${recipients.length} readers through ${mail.description}`);
    const report = await sendWeeklyDigest(
      { ...sources, roster, recipients, mail },
      week,
      flags.resend ? { resend: true } : {},
    );
    deps.stdout.write(`${JSON.stringify(report)}\n`);
    err(describeRun(report));
    return report.failed.length > 0 ? 1 : 0;
  } catch (error) {
    err(`digest: ${(error as Error).message}`);
    return 1;
  } finally {
    mail?.close();
    open?.close();
  }
}

/** The preview as an RFC 5322 message with both parts, addressed to no one. */
async function composeEml(rendered: { subject: string; html: string; text: string }): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = (await transport.sendMail({
    from: optionalEnv('MAIL_FROM', defaultMailFrom),
    to: 'undisclosed-recipients:;',
    ...rendered,
  })) as { message: Buffer };
  return info.message;
}
