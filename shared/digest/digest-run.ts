// One scheduled or operator run of the digest: which week, the send-once use case, and a one-line
// account for /api/status. A run that failed for some readers throws after recording them, so the
// scheduler's retry (or the next run) resumes with only those readers.
import { AppError } from '../errors.ts';
import { type IsoWeek, parseIsoWeek, previousIsoWeek } from './digest-week.ts';
import { type DigestRunReport, type SendDigestDeps, sendWeeklyDigest } from './send-weekly-digest.ts';

/** The week a run is for: the one named, else the ISO week that ended before `now` (Baku). */
export function weekOfRun(now: Date, week?: string): IsoWeek {
  return week ? parseIsoWeek(week) : previousIsoWeek(now);
}

/** One line describing a run's outcome. */
export function describeRun(report: DigestRunReport): string {
  const parts = [`${report.week}: ${report.sent.length} sent`];
  if (report.skipped.length > 0) parts.push(`${report.skipped.length} already sent`);
  if (report.failed.length > 0)
    parts.push(`${report.failed.length} failed (${report.failed.map((f) => f.address).join(', ')})`);
  return parts.join(', ');
}

/** Sends the week's digest and fails when any reader could not be reached. */
export async function runWeeklyDigest(
  deps: SendDigestDeps,
  options: { week?: string; resend?: boolean } = {},
): Promise<DigestRunReport> {
  const week = weekOfRun(deps.now(), options.week);
  const report = await sendWeeklyDigest(deps, week, options.resend ? { resend: true } : {});
  if (report.failed.length > 0) {
    const values = { week: report.week, sent: report.sent.length, failed: report.failed.length };
    throw new AppError('digest-partly-failed', 502, describeRun(report), { details: { report, values } });
  }
  return report;
}
