// Builds the weekly digest's dependencies from the environment: the table, the registry, roster and
// recipients files, the dashboard's address and the mail carrier the environment names.
import { loadDigestConfig, resolveDigestPath } from '#shared/config/digest-recipients.ts';
import { loadOutlets, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { optionalEnv, tableSettingsFromEnv } from '#shared/config/settings.ts';
import type { SendDigestDeps } from '#shared/digest/send-weekly-digest.ts';
import { facebookSettingsFromEnv } from '#shared/facebook/facebook-settings.ts';
import { facebookWeekPort } from '#shared/facebook/facebook-summary.ts';
import { mailSenderFromEnv } from '#shared/mail/mail-senders.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';

/** The dashboard's address when DASHBOARD_URL is unset: the local stack's. */
export const localDashboardUrl = 'http://127.0.0.1:3000';

/** Everything the digest needs, from TABLE_NAME, the config files, DASHBOARD_URL and the mail settings. */
export async function digestDependenciesFromEnv(): Promise<SendDigestDeps> {
  const settings = tableSettingsFromEnv();
  const roster = loadRoster(resolveRosterPath());
  const table = { db: createDocumentClient(createDynamoClient(settings)), tableName: settings.tableName };
  const facebookWeek = facebookWeekPort(table, facebookSettingsFromEnv()?.pageId);
  return {
    table,
    registry: await loadOutlets(resolveOutletsPath()),
    roster,
    recipients: loadDigestConfig(resolveDigestPath(), roster).recipients,
    mail: mailSenderFromEnv(),
    dashboardUrl: optionalEnv('DASHBOARD_URL', localDashboardUrl) as string,
    now: () => new Date(),
    ...(facebookWeek ? { facebookWeek } : {}),
  };
}
