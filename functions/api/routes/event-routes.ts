// Outreach events: any signed-in role lists and reads them; PR staff record, edit and delete them.
import { coverageOutlets, type OutreachEvent } from '#shared/domain/outreach-event.ts';
import { ValidationError } from '#shared/errors.ts';
import { listEventHistory } from '#shared/store/event-history.ts';
import { createEvent, deleteEvent, editEvent, getEvent, listEvents } from '#shared/store/event-store.ts';
import type { ApiDependencies } from '../api-dependencies.ts';
import { parseInput } from '../api-schemas.ts';
import { type ApiRequest, type ApiRoute, json } from '../api-types.ts';
import { eventBody, eventIdParams, eventListQuery } from '../event-schemas.ts';
import { resolvePeriod } from '../period.ts';

/** An event as the API shows it: with its coverage count and outlets. */
export function eventView(event: OutreachEvent) {
  const { dismissed, ...shown } = event;
  return {
    ...shown,
    coverageCount: Object.keys(event.coverage).length,
    coverageOutlets: coverageOutlets(event),
  };
}

function actor(request: ApiRequest, deps: ApiDependencies) {
  return { by: request.caller?.name ?? 'unknown', at: deps.now().toISOString() };
}

/** The body, with every member checked against the roster. */
function fieldsOf(request: ApiRequest, deps: ApiDependencies) {
  const fields = parseInput(eventBody, request.body, 'body');
  const known = new Set([...deps.roster.people, ...deps.roster.organisations].map((entity) => entity.id));
  const unknown = fields.members.find((id) => !known.has(id));
  if (unknown)
    throw new ValidationError(`members: ${unknown} is not in the roster`, { details: { field: 'members' } });
  return fields;
}

export const listEventsRoute: ApiRoute = {
  method: 'GET',
  path: '/api/events',
  access: 'read',
  async handle(request, deps) {
    const period = resolvePeriod(parseInput(eventListQuery, request.query, 'query'), deps.now());
    const events = await listEvents(deps.table, period.from, period.to);
    return json(200, { period: { from: period.from, to: period.to }, items: events.map(eventView) });
  },
};

export const createEventRoute: ApiRoute = {
  method: 'POST',
  path: '/api/events',
  access: 'review',
  async handle(request, deps) {
    return json(201, eventView(await createEvent(deps.table, fieldsOf(request, deps), actor(request, deps))));
  },
};

export const getEventRoute: ApiRoute = {
  method: 'GET',
  path: '/api/events/{id}',
  access: 'read',
  async handle(request, deps) {
    const { id } = parseInput(eventIdParams, request.params, 'path');
    return json(200, eventView(await getEvent(deps.table, id)));
  },
};

export const editEventRoute: ApiRoute = {
  method: 'PUT',
  path: '/api/events/{id}',
  access: 'review',
  async handle(request, deps) {
    const { id } = parseInput(eventIdParams, request.params, 'path');
    const fields = fieldsOf(request, deps);
    return json(200, eventView(await editEvent(deps.table, id, fields, actor(request, deps))));
  },
};

export const deleteEventRoute: ApiRoute = {
  method: 'DELETE',
  path: '/api/events/{id}',
  access: 'review',
  async handle(request, deps) {
    const { id } = parseInput(eventIdParams, request.params, 'path');
    const event = await getEvent(deps.table, id);
    if (Object.keys(event.coverage).length > 0) {
      throw new ValidationError('Remove the event’s confirmed coverage before deleting it', {
        details: { field: 'coverage' },
      });
    }
    await deleteEvent(deps.table, id, actor(request, deps));
    return json(200, { eventId: id, deleted: true });
  },
};

export const eventHistoryRoute: ApiRoute = {
  method: 'GET',
  path: '/api/events/{id}/history',
  access: 'read',
  async handle(request, deps) {
    const { id } = parseInput(eventIdParams, request.params, 'path');
    return json(200, { eventId: id, items: await listEventHistory(deps.table, id) });
  },
};
