// Reads the change history of an outreach event, newest first. Each change is an item of its own
// beside the event (keys.ts eventHistoryKey), so even a deleted event keeps its history.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { EventHistoryEntry } from '../domain/outreach-event.ts';
import { NotFoundError } from '../errors.ts';
import { eventHistoryPrefix, eventKey } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** Reads every change of an event (events change a few dozen times at most), newest first. */
export async function listEventHistory(table: TableContext, eventId: string): Promise<EventHistoryEntry[]> {
  const entries: EventHistoryEntry[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': eventKey(eventId).PK, ':prefix': eventHistoryPrefix },
        ScanIndexForward: false,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const { version, at, by, action, changes } of page.Items ?? []) {
      entries.push({ version, at, by, action, changes } as EventHistoryEntry);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  if (entries.length === 0) throw new NotFoundError(`No event ${eventId}`);
  return entries;
}
