// The weekly digest on the local timer: the same handler factory as the cloud, with the mail carrier
// the environment names (SMTP when SMTP_URL is set, else `.eml` files in the outbox folder).
import { loadDigestConfig, resolveDigestPath } from '#shared/config/digest-recipients.ts';
import type { OutletRegistry } from '#shared/config/outlets.ts';
import { loadRoster } from '#shared/config/roster.ts';
import type { MailSender } from '#shared/mail/mail-port.ts';
import { mailSenderFromEnv } from '#shared/mail/mail-senders.ts';
import type { ScheduleDefinition } from '#shared/schedules.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { createWeeklyDigestHandler } from '../../functions/weekly-digest/handler.ts';

/** What the local digest target needs. */
export interface LocalDigestOptions {
  table: TableContext;
  registry: OutletRegistry;
  rosterPath: string;
  dashboardUrl: string;
  log: (line: string) => void;
  /** The carrier; from the environment when absent. */
  mail?: MailSender;
}

/** The local target of the weekly-digest schedule, and the carrier it sends through. */
export function localWeeklyDigestTarget(options: LocalDigestOptions) {
  const mail = options.mail ?? mailSenderFromEnv();
  async function run(schedule: Pick<ScheduleDefinition, 'id'>) {
    // Files are read at each run, so an edited recipients file needs no restart.
    const roster = loadRoster(options.rosterPath);
    const handler = createWeeklyDigestHandler({
      table: options.table,
      registry: options.registry,
      roster,
      recipients: loadDigestConfig(resolveDigestPath(), roster).recipients,
      mail,
      dashboardUrl: options.dashboardUrl,
      now: () => new Date(),
    });
    const result = await handler({ scheduleId: schedule.id }).catch((error: unknown) => {
      options.log(`schedule ${schedule.id}: failed (${(error as Error).message})`);
      throw error;
    });
    options.log(`schedule ${schedule.id}: ${result.outcome} (${result.detail})`);
  }
  return { run, mail };
}
