// The weekly digest on the local timer: the same handler factory as the cloud, with the mail carrier
// of the local stack (SMTP when SMTP_URL is set, else `.eml` files in the outbox folder).
import { loadDigestConfig, resolveDigestPath } from '#shared/config/digest-recipients.ts';
import { loadRoster } from '#shared/config/roster.ts';
import { facebookSettingsFromEnv } from '#shared/facebook/facebook-settings.ts';
import { facebookWeekPort } from '#shared/facebook/facebook-summary.ts';
import { createWeeklyDigestHandler } from '../../functions/weekly-digest/handler.ts';
import type { LocalContext, ScheduledHandler } from './local-targets.ts';

/** The local handler of the weekly-digest schedule. */
export function localWeeklyDigest(context: LocalContext): ScheduledHandler {
  return async (event) => {
    // Files are read at each run, so an edited recipients file or roster needs no restart.
    const roster = loadRoster(context.rosterPath);
    const facebookWeek = facebookWeekPort(context.ingestion.table, facebookSettingsFromEnv()?.pageId);
    const handler = createWeeklyDigestHandler({
      table: context.ingestion.table,
      registry: context.ingestion.registry,
      roster,
      recipients: loadDigestConfig(resolveDigestPath(), roster).recipients,
      mail: context.mail,
      dashboardUrl: context.dashboardUrl,
      now: () => new Date(),
      ...(facebookWeek ? { facebookWeek } : {}),
    });
    return handler(event);
  };
}
