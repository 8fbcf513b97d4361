import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '#shared/errors.ts';
import { editEvent, getEvent, writeChange } from '#shared/store/event-store.ts';
import { startTestApi } from '../../helpers/local-api.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const course = {
  date: '2026-10-05',
  type: 'course',
  title: 'Azərbaycan dili kursu qaçqınlar üçün',
  place: 'Bakı',
  members: ['azer-allahveranov'],
  participants: 160,
  beneficiaries: 157,
  figures: [{ label: 'refugees enrolled', value: 157 }],
  notes: 'Second intake',
  links: ['https://migration.gov.az/news/1'],
};

function send(path: string, method: string, body: unknown, role: 'pr-staff' | 'management' = 'pr-staff') {
  return api.request(path, { method, role, body: JSON.stringify(body) });
}

describe('outreach events API', () => {
  it('lets pr-staff record an event that every signed-in role then lists', async () => {
    // Act
    const created = await send('/api/events', 'POST', course);
    const event = await created.json();
    const asManagement = await api.request('/api/events?from=2026-10-01&to=2026-10-31', {
      role: 'management',
    });
    // Assert
    expect(created.status).toBe(201);
    expect(event).toMatchObject({ ...course, version: 1, coverageCount: 0, coverageOutlets: [] });
    expect(asManagement.status).toBe(200);
    const listed = await asManagement.json();
    expect(listed.items.map((item: { eventId: string }) => item.eventId)).toEqual([event.eventId]);
  });

  it('lists only the events dated inside the period', async () => {
    // Arrange
    await send('/api/events', 'POST', {
      ...course,
      date: '2026-09-30',
      title: 'September round',
      type: 'round-table',
    });
    // Act
    const october = await (
      await api.request('/api/events?from=2026-10-01&to=2026-10-31', { role: 'pr-staff' })
    ).json();
    const autumn = await (
      await api.request('/api/events?from=2026-09-01&to=2026-10-31', { role: 'pr-staff' })
    ).json();
    // Assert
    expect(october.items.map((item: { date: string }) => item.date)).toEqual(['2026-10-05']);
    expect(autumn.items.map((item: { date: string }) => item.date)).toEqual(['2026-09-30', '2026-10-05']);
  });

  it('refuses management writes, anonymous reads and bad input, changing nothing', async () => {
    // Act
    const byManagement = await send('/api/events', 'POST', course, 'management');
    const anonymous = await api.request('/api/events');
    const badType = await send('/api/events', 'POST', { ...course, type: 'party' });
    const negative = await send('/api/events', 'POST', { ...course, beneficiaries: -1 });
    const badFigure = await send('/api/events', 'POST', { ...course, figures: [{ label: '', value: 3 }] });
    const unknownMember = await send('/api/events', 'POST', { ...course, members: ['nobody'] });
    const badDate = await send('/api/events', 'POST', { ...course, date: '2026-02-30' });
    // Assert
    expect(byManagement.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect((await badType.json()).error.message).toMatch(/^type: must be one of council-meeting/);
    expect((await negative.json()).error.message).toBe('beneficiaries: must not be negative');
    expect((await badFigure.json()).error.message).toBe('figures.0.label: is required');
    expect((await unknownMember.json()).error.message).toBe('members: nobody is not in the roster');
    expect(badDate.status).toBe(400);
    const all = await (
      await api.request('/api/events?from=2026-01-01&to=2026-12-31', { role: 'pr-staff' })
    ).json();
    expect(all.items).toHaveLength(2);
  });

  it('keeps who changed what and when, newest first, and keeps it after a delete', async () => {
    // Arrange
    const event = await (
      await send('/api/events', 'POST', { ...course, title: 'Info session', type: 'information-session' })
    ).json();
    // Act
    const edited = await send(`/api/events/${event.eventId}`, 'PUT', {
      ...course,
      title: 'Info session',
      type: 'information-session',
      beneficiaries: 170,
    });
    const byManagement = await send(`/api/events/${event.eventId}`, 'DELETE', undefined, 'management');
    const deleted = await api.request(`/api/events/${event.eventId}`, { method: 'DELETE', role: 'pr-staff' });
    const afterDelete = await api.request(`/api/events/${event.eventId}`, { role: 'management' });
    const history = await (
      await api.request(`/api/events/${event.eventId}/history`, { role: 'management' })
    ).json();
    // Assert
    expect(edited.status).toBe(200);
    expect((await edited.json()).version).toBe(2);
    expect(byManagement.status).toBe(403);
    expect(deleted.status).toBe(200);
    expect(afterDelete.status).toBe(404);
    expect(history.items.map((entry: { action: string }) => entry.action)).toEqual([
      'deleted',
      'edited',
      'created',
    ]);
    expect(history.items[1]).toMatchObject({
      version: 2,
      by: expect.any(String),
      changes: { beneficiaries: { from: 157, to: 170 } },
    });
    expect(Object.keys(history.items[1].changes)).toEqual(['beneficiaries']);
    expect(history.items[1].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('refuses a change made from a stale read, so an edit never silently overwrites another', async () => {
    // Arrange
    const table = { db: api.table.documentClient, tableName: api.table.tableName };
    const event = await (await send('/api/events', 'POST', { ...course, title: 'Two editors' })).json();
    const stale = await getEvent(table, event.eventId);
    await editEvent(
      table,
      event.eventId,
      { ...stale, title: 'First editor' },
      { by: 'a', at: '2026-10-06T00:00:00Z' },
    );
    // Act
    const second = writeChange(
      table,
      stale,
      { ...stale, title: 'Second editor' },
      'edited',
      {},
      { by: 'b', at: '2026-10-06T00:00:01Z' },
    );
    // Assert
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    expect((await getEvent(table, event.eventId)).title).toBe('First editor');
    const history = await (
      await api.request(`/api/events/${event.eventId}/history`, { role: 'pr-staff' })
    ).json();
    expect(history.items.map((entry: { by: string }) => entry.by)).toEqual(['a', expect.any(String)]);
    await api.request(`/api/events/${event.eventId}`, { method: 'DELETE', role: 'pr-staff' });
  });

  it('answers 404 for an unknown event and 400 for a malformed id', async () => {
    // Act
    const unknown = await api.request('/api/events/3f1c2a9e-0000-4000-8000-000000000000', {
      role: 'pr-staff',
    });
    const malformed = await api.request('/api/events/not-an-id', { role: 'pr-staff' });
    // Assert
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
  });

  it('describes the event routes in the OpenAPI document', async () => {
    // Act
    const document = await (await api.request('/api/openapi.json', { role: 'management' })).json();
    // Assert
    expect(Object.keys(document.paths['/api/events/{id}'])).toEqual(['get', 'put', 'delete']);
    expect(
      document.paths['/api/events'].post.requestBody.content['application/json'].schema.properties.type.enum,
    ).toContain('aid-distribution');
    expect(document.paths['/api/reports/outcomes.pdf'].get.responses['200'].content).toHaveProperty(
      'application/pdf',
    );
  });
});
