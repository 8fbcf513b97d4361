// The record that makes each week's digest go out once (DIGEST#<isoWeek>): created with a condition
// before anything is sent, then each recipient is claimed with a condition before their message goes
// and their result is written after, so a retried or duplicated run sends only what is still due.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { digestKey } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** Where one recipient stands for the week. */
export interface RecipientResult {
  status: 'sending' | 'sent' | 'failed';
  at: string;
  language?: string;
  messageId?: string;
  error?: string;
}

/** The stored record of a week's digest. */
export interface DigestRecord {
  week: string;
  createdAt: string;
  recipients: Record<string, RecipientResult>;
}

/**
 * A claim older than this is taken to belong to a run that died mid-send, and may be taken again.
 * It is longer than the digest function's timeout, so a live run is never overtaken.
 */
export const claimLeaseMs = 20 * 60_000;

/** Creates the week's record unless it exists; true when this call created it. */
export async function createDigestRecord(table: TableContext, week: string, now: Date): Promise<boolean> {
  try {
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...digestKey(week), type: 'digest', week, createdAt: now.toISOString(), recipients: {} },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/**
 * Claims a recipient for sending. Without `resend`, only a recipient not yet tried, one that failed,
 * or one whose claim is stale may be claimed; with `resend`, any recipient but one being sent to now.
 */
export async function claimRecipient(
  table: TableContext,
  week: string,
  address: string,
  now: Date,
  options: { resend?: boolean; language?: string } = {},
): Promise<boolean> {
  const names = { '#r': 'recipients', '#a': address, '#s': 'status', '#at': 'at' };
  const due = options.resend
    ? 'attribute_not_exists(#r.#a) OR #r.#a.#s <> :sending OR #r.#a.#at < :stale'
    : 'attribute_not_exists(#r.#a) OR #r.#a.#s = :failed OR (#r.#a.#s = :sending AND #r.#a.#at < :stale)';
  try {
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: digestKey(week),
        UpdateExpression: 'SET #r.#a = :claim',
        ConditionExpression: `attribute_exists(PK) AND (${due})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':claim': {
            status: 'sending',
            at: now.toISOString(),
            ...(options.language ? { language: options.language } : {}),
          },
          ':sending': 'sending',
          ':stale': new Date(now.getTime() - claimLeaseMs).toISOString(),
          ...(options.resend ? {} : { ':failed': 'failed' }),
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Records how sending to a claimed recipient ended. */
export async function recordRecipientResult(
  table: TableContext,
  week: string,
  address: string,
  result: RecipientResult,
): Promise<void> {
  await table.db.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: digestKey(week),
      UpdateExpression: 'SET #r.#a = :result',
      ExpressionAttributeNames: { '#r': 'recipients', '#a': address },
      ExpressionAttributeValues: { ':result': result },
    }),
  );
}

/** The week's record, or undefined when no digest was sent for it. */
export async function readDigestRecord(table: TableContext, week: string): Promise<DigestRecord | undefined> {
  const { Item } = await table.db.send(
    new GetCommand({ TableName: table.tableName, Key: digestKey(week), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const { PK, SK, type, ...record } = Item;
  return record as DigestRecord;
}
