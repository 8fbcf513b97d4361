// After a batch was sent or refused: each alert's record ends as sent, waits for a retry with
// exponential backoff, or is abandoned after the last attempt; the subscription keeps the channel's
// health for /api/status.
import { finishAlert } from '../store/alert-records.ts';
import { recordDelivery } from '../store/alert-subscription-store.ts';
import type { TableContext } from '../store/table-context.ts';
import type { AlertItem } from './alert-message.ts';
import type { AlertSubscription } from './alert-subscription.ts';

/** An alert this run owns, with the attempts made before. */
export interface ClaimedAlert {
  item: AlertItem;
  attempts: number;
}

/** Attempts before an alert is given up. */
export const maxAttempts = 6;
const firstDelayMs = 2 * 60_000;
const longestDelayMs = 60 * 60_000;

/** The wait before the next attempt after `attempts` failures: 2, 4, 8, 16, 32 minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(firstDelayMs * 2 ** (attempts - 1), longestDelayMs);
}

/** Stores the outcome of one batch on its records and on the subscription. */
export async function recordOutcome(
  table: TableContext,
  subscription: AlertSubscription,
  batch: readonly ClaimedAlert[],
  now: Date,
  failure: Error | undefined,
): Promise<void> {
  const channel = subscription.subscriptionId;
  const at = now.toISOString();
  if (!failure) {
    await Promise.all(
      batch.map(({ item }) => finishAlert(table, { subject: item.subject, channel }, { status: 'sent', at })),
    );
    await recordDelivery(table, channel, {
      ...subscription.delivery,
      lastSuccessAt: at,
      failures: 0,
      nextRetryAt: undefined,
    });
    return;
  }
  let nextRetryAt: string | undefined;
  await Promise.all(
    batch.map(({ item, attempts }) => {
      const made = attempts + 1;
      const dueAt = new Date(now.getTime() + retryDelayMs(made)).toISOString();
      const status = made >= maxAttempts ? 'abandoned' : 'failed';
      if (status === 'failed' && (!nextRetryAt || dueAt < nextRetryAt)) nextRetryAt = dueAt;
      return finishAlert(table, { subject: item.subject, channel }, { status, attempts: made, dueAt });
    }),
  );
  await recordDelivery(table, channel, {
    ...subscription.delivery,
    lastFailureAt: at,
    lastError: failure.message,
    failures: subscription.delivery.failures + 1,
    nextRetryAt,
  });
}
