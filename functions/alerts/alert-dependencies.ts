// Builds the alerts run's dependencies from the environment: the table, the roster, the mail carrier,
// the webhook seal's key and the addresses webhooks may reach despite the private-address guard.
import { alertSealFromEnv, unavailableSeal } from '#shared/alerts/alert-key-source.ts';
import type { AlertRunDeps } from '#shared/alerts/run-alerts.ts';
import { webhookAllowListFromEnv } from '#shared/alerts/webhook-allow-list.ts';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { tableSettingsFromEnv } from '#shared/config/settings.ts';
import { ConfigError } from '#shared/errors.ts';
import { mailSenderFromEnv } from '#shared/mail/mail-senders.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';

/** Everything the alerts run needs, from TABLE_NAME, ROSTER_FILE, the mail settings and the alert key. */
export async function alertDependenciesFromEnv(): Promise<AlertRunDeps> {
  const settings = tableSettingsFromEnv();
  return {
    table: { db: createDocumentClient(createDynamoClient(settings)), tableName: settings.tableName },
    roster: loadRoster(resolveRosterPath()),
    mail: mailSenderFromEnv(),
    // A missing or bad key (the operator has not created its parameter yet) fails the webhook
    // channels, each with the reason, not the whole run: e-mail alerts still go out.
    seal: await alertSealFromEnv().catch((error: unknown) => {
      if (error instanceof ConfigError) return unavailableSeal(error.message);
      throw error;
    }),
    allowPrivateAddresses: webhookAllowListFromEnv(),
    now: () => new Date(),
  };
}
