// Use case: send one ISO week's digest to every configured reader, exactly once.
//
// Input: the week, the readers, and whether to re-send on purpose. Output: who got it now, who was
// skipped (already sent, or being sent by another run) and who failed. Steps:
//   1. build the week's content from the aggregates and the mention list (nothing is recorded yet);
//   2. create DIGEST#<week> with a condition, before anything is sent (a second run finds it);
//   3. per reader: claim them with a condition, render in their language, send, record the result.
// A reader whose send failed stays claimable, so the next run (a scheduler retry, or the operator)
// resumes with only those readers.
import type { DigestRecipient } from '../config/digest-recipients.ts';
import type { Roster } from '../config/roster.ts';
import type { MailSender } from '../mail/mail-port.ts';
import { claimRecipient, createDigestRecord, recordRecipientResult } from '../store/digest-records.ts';
import { buildDigestContent, type DigestContent, type DigestSources } from './digest-content.ts';
import type { IsoWeek } from './digest-week.ts';
import { renderDigest } from './render-digest.ts';

/** What sending needs. */
export interface SendDigestDeps extends DigestSources {
  roster: Roster;
  recipients: DigestRecipient[];
  mail: MailSender;
}

/** How a run ended for each reader. */
export interface DigestRunReport {
  week: string;
  /** True when this run created the week's record (its first run). */
  firstRun: boolean;
  sent: string[];
  skipped: string[];
  failed: Array<{ address: string; error: string }>;
}

/** Sends the week's digest to every reader it is still due to; `resend` sends again on purpose. */
export async function sendWeeklyDigest(
  deps: SendDigestDeps,
  week: IsoWeek,
  options: { resend?: boolean } = {},
): Promise<DigestRunReport> {
  const content: DigestContent = await buildDigestContent(deps, week);
  const firstRun = await createDigestRecord(deps.table, week.week, deps.now());
  const report: DigestRunReport = { week: week.week, firstRun, sent: [], skipped: [], failed: [] };
  for (const recipient of deps.recipients) {
    const address = recipient.address.toLowerCase();
    const claimed = await claimRecipient(deps.table, week.week, address, deps.now(), {
      ...(options.resend ? { resend: true } : {}),
      language: recipient.language,
    });
    if (!claimed) {
      report.skipped.push(address);
      continue;
    }
    // One reader's failure (a refused address, a bad member list) never stops the others.
    try {
      const rendered = renderDigest(content, { ...recipient, roster: deps.roster });
      const receipt = await deps.mail.send({ to: recipient.address, ...rendered });
      await recordRecipientResult(deps.table, week.week, address, {
        status: 'sent',
        at: deps.now().toISOString(),
        language: recipient.language,
        messageId: receipt.messageId,
      });
      report.sent.push(address);
    } catch (error) {
      const message = ((error as Error).message || String(error)).slice(0, 500);
      await recordRecipientResult(deps.table, week.week, address, {
        status: 'failed',
        at: deps.now().toISOString(),
        language: recipient.language,
        error: message,
      });
      report.failed.push({ address, error: message });
    }
  }
  return report;
}
