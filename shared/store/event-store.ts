// Outreach events in the table. Every change writes the event and a history item of its own in one
// transaction conditioned on the version read, so two editors cannot overwrite each other unseen and
// the history grows without growing the event item (like mention-review.ts does for mentions).
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { EventAction, EventFields, EventHistoryEntry, OutreachEvent } from '../domain/outreach-event.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { monthsOf } from '../time/baku-calendar.ts';
import { eventHistoryKey, eventIndexKeys, eventKey, eventMonthPartition } from './keys.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

/** Who makes a change, and when. */
export interface Actor {
  by: string;
  at: string;
}

/** One extra write that belongs to a change (a mention's event reference). */
export type ExtraWrite = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

const fieldNames: Array<keyof EventFields> = [
  'date',
  'type',
  'title',
  'place',
  'members',
  'participants',
  'beneficiaries',
  'figures',
  'notes',
  'links',
];

/** Records a new event and its first history item. */
export async function createEvent(table: TableContext, fields: EventFields, actor: Actor) {
  const event: OutreachEvent = {
    ...fields,
    eventId: randomUUID(),
    coverage: {},
    dismissed: {},
    version: 1,
    createdAt: actor.at,
    createdBy: actor.by,
    updatedAt: actor.at,
    updatedBy: actor.by,
  };
  const changes = Object.fromEntries(
    fieldNames
      .filter((name) => fields[name] !== undefined)
      .map((name) => [name, { from: null, to: fields[name] }]),
  );
  await table.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table.tableName,
            Item: {
              ...eventKey(event.eventId),
              ...eventIndexKeys(event.date, event.eventId),
              type: 'event',
              event,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        historyPut(table, event.eventId, { version: 1, ...actor, action: 'created', changes }),
      ],
    }),
  );
  return event;
}

/** Reads one event that is not deleted, or throws NotFoundError. */
export async function getEvent(table: TableContext, eventId: string): Promise<OutreachEvent> {
  const { Item } = await table.db.send(
    new GetCommand({ TableName: table.tableName, Key: eventKey(eventId), ConsistentRead: true }),
  );
  if (!Item || Item.deleted) throw new NotFoundError(`No event ${eventId}`);
  return Item.event as OutreachEvent;
}

/** Replaces the fields of an event; the history keeps what each changed field held before. */
export async function editEvent(table: TableContext, eventId: string, fields: EventFields, actor: Actor) {
  const before = await getEvent(table, eventId);
  const changes: EventHistoryEntry['changes'] = {};
  for (const name of fieldNames) {
    if (canonical(before[name]) !== canonical(fields[name])) {
      changes[name] = { from: before[name] ?? null, to: fields[name] ?? null };
    }
  }
  const after: OutreachEvent = {
    ...before,
    ...withoutUndefined(fields),
    updatedAt: actor.at,
    updatedBy: actor.by,
  };
  for (const name of fieldNames) if (fields[name] === undefined) delete after[name];
  return writeChange(table, before, after, 'edited', changes, actor);
}

/** Marks an event deleted: it leaves the lists, its history stays readable. */
export async function deleteEvent(
  table: TableContext,
  eventId: string,
  actor: Actor,
  extra: ExtraWrite[] = [],
) {
  const before = await getEvent(table, eventId);
  const after = { ...before, updatedAt: actor.at, updatedBy: actor.by };
  return writeChange(
    table,
    before,
    after,
    'deleted',
    { deleted: { from: false, to: true } },
    actor,
    extra,
    true,
  );
}

/**
 * Writes `after` in place of `before` with a history item, conditioned on the version read.
 * `deleted` drops the month-index keys, so the event leaves every list.
 */
export async function writeChange(
  table: TableContext,
  before: OutreachEvent,
  after: OutreachEvent,
  action: EventAction,
  changes: EventHistoryEntry['changes'],
  actor: Actor,
  extra: ExtraWrite[] = [],
  deleted = false,
): Promise<OutreachEvent> {
  const next = { ...after, version: before.version + 1 };
  const item = deleted
    ? { ...eventKey(before.eventId), type: 'event', event: next, deleted: true }
    : { ...eventKey(before.eventId), ...eventIndexKeys(next.date, next.eventId), type: 'event', event: next };
  try {
    await table.db.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table.tableName,
              Item: item,
              ConditionExpression: '#event.#version = :version AND attribute_not_exists(#deleted)',
              ExpressionAttributeNames: { '#event': 'event', '#version': 'version', '#deleted': 'deleted' },
              ExpressionAttributeValues: { ':version': before.version },
            },
          },
          historyPut(table, before.eventId, { version: next.version, ...actor, action, changes }),
          ...extra,
        ],
      }),
    );
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw new ConflictError('The event was changed by someone else; reload and try again', {
        cause: error,
      });
    }
    throw error;
  }
  return next;
}

/** Lists the events dated `from`..`to` (Baku days, both included), oldest first. */
export async function listEvents(table: TableContext, from: string, to: string): Promise<OutreachEvent[]> {
  const events: OutreachEvent[] = [];
  for (const month of monthsOf(from, to)) {
    const items = await queryAll(table, {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': eventMonthPartition(month), ':from': from, ':to': `${to}#~` },
    });
    events.push(...items.map((item) => item.event as OutreachEvent));
  }
  return events;
}

function historyPut(table: TableContext, eventId: string, entry: EventHistoryEntry): ExtraWrite {
  return {
    Put: {
      TableName: table.tableName,
      Item: { ...eventHistoryKey(eventId, entry.version), type: 'event-history', eventId, ...entry },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** JSON with object keys sorted: DynamoDB gives maps back in no particular key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
