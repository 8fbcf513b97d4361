// Reads the change history of an outreach event, newest first. Each change is an item of its own
// beside the event (keys.ts eventHistoryKey), so even a deleted event keeps its history.
import type { EventHistoryEntry } from '../domain/outreach-event.ts';
import { NotFoundError } from '../errors.ts';
import { eventHistoryPrefix, eventKey } from './keys.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

/** Reads every change of an event (events change a few dozen times at most), newest first. */
export async function listEventHistory(table: TableContext, eventId: string): Promise<EventHistoryEntry[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': eventKey(eventId).PK, ':prefix': eventHistoryPrefix },
    ScanIndexForward: false,
  });
  const entries = items.map(
    ({ version, at, by, action, changes }) => ({ version, at, by, action, changes }) as EventHistoryEntry,
  );
  if (entries.length === 0) throw new NotFoundError(`No event ${eventId}`);
  return entries;
}
