// Alert subscriptions in their one partition: create, read, list, replace, delete, and the delivery
// state the alerts run keeps on each.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AlertSubscription, DeliveryState } from '../alerts/alert-subscription.ts';
import { NotFoundError } from '../errors.ts';
import { alertSubscriptionKey, alertSubscriptionPartition } from './keys.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

function fromItem(item: Record<string, unknown>): AlertSubscription {
  const { PK, SK, type, deletedAt, expiresAt, ...subscription } = item;
  return subscription as unknown as AlertSubscription;
}

/** Stores a subscription, replacing any with the same id. */
export async function putAlertSubscription(
  table: TableContext,
  subscription: AlertSubscription,
): Promise<void> {
  await table.db.send(
    new PutCommand({
      TableName: table.tableName,
      Item: {
        ...alertSubscriptionKey(subscription.subscriptionId),
        type: 'alert-subscription',
        ...subscription,
      },
    }),
  );
}

/** One subscription; NotFoundError when there is none. */
export async function getAlertSubscription(
  table: TableContext,
  subscriptionId: string,
): Promise<AlertSubscription> {
  const answer = await table.db.send(
    new GetCommand({
      TableName: table.tableName,
      Key: alertSubscriptionKey(subscriptionId),
      ConsistentRead: true,
    }),
  );
  if (!answer.Item || answer.Item.deletedAt)
    throw new NotFoundError(`No alert subscription ${subscriptionId}`);
  return fromItem(answer.Item);
}

/** Every subscription, oldest first. */
export async function listAlertSubscriptions(table: TableContext): Promise<AlertSubscription[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': alertSubscriptionPartition },
    ConsistentRead: true,
  });
  return items
    .filter((item) => !item.deletedAt)
    .map(fromItem)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Deleted subscriptions stay this long (hidden, never alerted) before DynamoDB's TTL removes them. */
const deletedLifetimeSeconds = 30 * 24 * 3600;

/**
 * Deletes a subscription; NotFoundError when there is none. It is marked deleted and left to the
 * table's TTL, so no function needs DeleteItem on the table.
 */
export async function deleteAlertSubscription(
  table: TableContext,
  subscriptionId: string,
  at: Date,
): Promise<void> {
  try {
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: alertSubscriptionKey(subscriptionId),
        UpdateExpression: 'SET deletedAt = :at, expiresAt = :expires, enabled = :off',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: {
          ':at': at.toISOString(),
          ':expires': Math.floor(at.getTime() / 1000) + deletedLifetimeSeconds,
          ':off': false,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') {
      throw new NotFoundError(`No alert subscription ${subscriptionId}`);
    }
    throw error;
  }
}

/** Records how a delivery went; a subscription deleted meanwhile is left deleted. */
export async function recordDelivery(
  table: TableContext,
  subscriptionId: string,
  delivery: DeliveryState,
): Promise<void> {
  try {
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: alertSubscriptionKey(subscriptionId),
        UpdateExpression: 'SET delivery = :delivery',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: { ':delivery': delivery },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
