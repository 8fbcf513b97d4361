// ALERT#<subject>#<channel> records: claimed with a condition before anything is sent, so a re-run, a
// retried invocation or a second concurrent run never sends the same alert twice through one channel.
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from './batch-get.ts';
import { alertKey } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** sending: claimed by a run; held: waiting for quiet hours to end; failed: waiting for a retry. */
export type AlertStatus = 'sending' | 'sent' | 'held' | 'failed' | 'abandoned';

/** One alert's record. */
export interface AlertRecord {
  subject: string;
  channel: string;
  status: AlertStatus;
  attempts: number;
  /** When a held or failed alert may go out. */
  dueAt: string;
  createdAt: string;
  sentAt?: string;
}

/** Records are kept long enough to outlive every mention a run can still see. */
const recordLifetimeSeconds = 60 * 24 * 3600;

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';

/** The records of the given subjects on one channel, by subject. */
export async function readAlertRecords(
  table: TableContext,
  channel: string,
  subjects: string[],
): Promise<Map<string, AlertRecord>> {
  const items = await batchGetItems(
    table,
    subjects.map((subject) => alertKey(subject, channel)),
  );
  return new Map(
    items.map(({ PK, SK, type, expiresAt, ...record }) => [
      String(record.subject),
      record as unknown as AlertRecord,
    ]),
  );
}

/** Writes a new record unless one exists; true when this call created it (and so owns the alert). */
export async function claimNewAlert(table: TableContext, record: AlertRecord): Promise<boolean> {
  try {
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...alertKey(record.subject, record.channel),
          type: 'alert',
          ...record,
          expiresAt: Math.floor(Date.parse(record.createdAt) / 1000) + recordLifetimeSeconds,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Moves a held or failed record that is due to `sending`; true when this call won it. */
export async function claimDueAlert(table: TableContext, record: AlertRecord, now: string): Promise<boolean> {
  try {
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: alertKey(record.subject, record.channel),
        UpdateExpression: 'SET #status = :sending',
        ConditionExpression: '#status = :was AND attempts = :attempts AND dueAt <= :now',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':was': record.status,
          ':attempts': record.attempts,
          ':now': now,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Ends an attempt: sent, failed until `dueAt`, or abandoned after the last attempt. */
export async function finishAlert(
  table: TableContext,
  record: Pick<AlertRecord, 'subject' | 'channel'>,
  outcome:
    | { status: 'sent'; at: string }
    | { status: 'failed' | 'abandoned'; attempts: number; dueAt: string },
): Promise<void> {
  const values =
    outcome.status === 'sent'
      ? { ':status': 'sent', ':sentAt': outcome.at }
      : { ':status': outcome.status, ':attempts': outcome.attempts, ':dueAt': outcome.dueAt };
  await table.db.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: alertKey(record.subject, record.channel),
      UpdateExpression:
        outcome.status === 'sent'
          ? 'SET #status = :status, sentAt = :sentAt'
          : 'SET #status = :status, attempts = :attempts, dueAt = :dueAt',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    }),
  );
}
