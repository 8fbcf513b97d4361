// The alerts run on the local timer: the same handler factory as the cloud, with the local stack's mail
// carrier and the webhook key file in the data folder, shared with the local API.
import { alertSealFromEnv } from '#shared/alerts/alert-key-source.ts';
import { webhookAllowListFromEnv } from '#shared/alerts/webhook-allow-list.ts';
import type { WebhookSeal } from '#shared/alerts/webhook-seal.ts';
import { loadRoster } from '#shared/config/roster.ts';
import { createAlertsHandler } from '../../functions/alerts/handler.ts';
import type { LocalContext, ScheduledHandler } from './local-targets.ts';

/** The local handler of the alerts schedule. */
export function localAlerts(context: LocalContext): ScheduledHandler {
  let seal: WebhookSeal | undefined;
  return async (event) => {
    // The key file (ALERT_KEY_FILE, set by the local stack) is read at the first run, not at start.
    seal ??= await alertSealFromEnv();
    const handler = createAlertsHandler({
      table: context.ingestion.table,
      roster: loadRoster(context.rosterPath),
      mail: context.mail,
      seal,
      allowPrivateAddresses: webhookAllowListFromEnv(),
      now: () => new Date(),
    });
    return handler(event);
  };
}
