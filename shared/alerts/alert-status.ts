// What /api/status shows of the alerts: how many subscriptions there are, and each channel that is
// failing, its address masked, with the reason and when the next retry is due.
import { listAlertSubscriptions } from '../store/alert-subscription-store.ts';
import type { TableContext } from '../store/table-context.ts';

/** The alerts part of /api/status. */
export async function alertStatus(table: TableContext) {
  const subscriptions = await listAlertSubscriptions(table);
  const failing = subscriptions
    .filter((subscription) => subscription.delivery.failures > 0)
    .map(({ subscriptionId, ownerName, channel, delivery }) => ({
      subscriptionId,
      ownerName,
      channel:
        channel.kind === 'email'
          ? { kind: 'email', address: channel.address }
          : { kind: 'webhook', service: channel.service, maskedUrl: channel.maskedUrl },
      failures: delivery.failures,
      lastError: delivery.lastError ?? null,
      lastFailureAt: delivery.lastFailureAt ?? null,
      nextRetryAt: delivery.nextRetryAt ?? null,
    }));
  return { subscriptions: subscriptions.length, failing };
}
