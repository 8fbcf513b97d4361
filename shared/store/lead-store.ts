// Leads in the table: written once per search result, listed for review, and moved out of `open`
// with a condition on the status read, so two reviewers cannot both act on one lead.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Lead, LeadStatus } from '../domain/lead.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { leadKey, leadPartition } from './keys.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

const strip = ({ PK, SK, type, ...lead }: Record<string, unknown>): Lead => lead as unknown as Lead;

/** Stores a new lead; answers `duplicate` when one with the same id exists (open or reviewed). */
export async function putLead(table: TableContext, lead: Lead): Promise<'written' | 'duplicate'> {
  try {
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: { ...leadKey(lead.leadId), type: 'lead', ...lead },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return 'written';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'duplicate';
    throw error;
  }
}

/** Reads one lead, or throws NotFoundError. */
export async function getLead(table: TableContext, leadId: string): Promise<Lead> {
  const { Item } = await table.db.send(
    new GetCommand({ TableName: table.tableName, Key: leadKey(leadId), ConsistentRead: true }),
  );
  if (!Item) throw new NotFoundError(`No lead ${leadId}`);
  return strip(Item);
}

/** Leads with the given status, newest first, at most `limit`. */
export async function listLeads(table: TableContext, status: LeadStatus, limit = 200): Promise<Lead[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    FilterExpression: '#status = :status',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': leadPartition, ':prefix': 'LEAD#', ':status': status },
  });
  return items
    .map(strip)
    .sort((a, b) => b.published.localeCompare(a.published))
    .slice(0, limit);
}

/** Moves an open lead to `status`; ConflictError when it is no longer open. */
export async function closeLead(
  table: TableContext,
  leadId: string,
  change: { status: Exclude<LeadStatus, 'open'>; by: string; at: string; mentionIds?: string[] },
): Promise<void> {
  try {
    await table.db.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: leadKey(leadId),
        UpdateExpression: 'SET #status = :to, reviewedBy = :by, reviewedAt = :at, mentionIds = :ids',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': change.status,
          ':by': change.by,
          ':at': change.at,
          ':ids': change.mentionIds ?? [],
          ':open': 'open',
        },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      throw new ConflictError(`Lead ${leadId} was already reviewed`, { cause: error });
    throw error;
  }
}

/** Puts a confirmed lead back to open, when turning it into mentions failed after it was closed. */
export async function reopenLead(table: TableContext, leadId: string): Promise<void> {
  await table.db.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: leadKey(leadId),
      UpdateExpression: 'SET #status = :open REMOVE reviewedBy, reviewedAt, mentionIds',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':open': 'open' },
    }),
  );
}
