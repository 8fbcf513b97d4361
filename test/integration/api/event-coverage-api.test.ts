import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let eventId: string;

type Proposal = { mentionId: string; title: string; outletName: string; reasons: string[] };

beforeAll(async () => {
  api = await startTestApi();
  const table = { db: api.table.documentClient, tableName: api.table.tableName };
  await seedArticles(table, [
    // The event's day (Baku), a member of the event: proposed for the member.
    {
      outletId: 'apa',
      title: 'Azər Allahverənov dəyirmi masada çıxış edib',
      published: '2026-10-10T09:00:00Z',
      entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
    },
    // Three days later, another member, but two distinctive words of the title: proposed for the title.
    {
      outletId: 'report',
      outletName: 'Report',
      title: 'Sahib Məmmədov: ictimai nəzarət dəyirmi masası uğurlu keçdi',
      published: '2026-10-13T15:00:00Z',
      entities: [{ id: 'sahib-mammadov', surface: 'Sahib Məmmədov' }],
    },
    // Four days later: outside the window.
    {
      outletId: 'trend',
      title: 'Azər Allahverənov yenidən ictimai nəzarət haqqında',
      published: '2026-10-14T09:00:00Z',
      entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
    },
    // Inside the window, another member and no shared words: not proposed.
    {
      outletId: 'oxu',
      title: 'Sahib Məmmədov müsahibə verib',
      published: '2026-10-11T09:00:00Z',
      entities: [{ id: 'sahib-mammadov', surface: 'Sahib Məmmədov' }],
    },
    // The day before (23:30 Baku on 9 October is 19:30 UTC): outside the window.
    {
      outletId: 'apa',
      title: 'Azər Allahverənov ictimai nəzarət dəyirmi masası barədə',
      published: '2026-10-09T19:30:00Z',
      entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
    },
  ]);
  const created = await api.request('/api/events', {
    method: 'POST',
    role: 'pr-staff',
    body: JSON.stringify({
      date: '2026-10-10',
      type: 'round-table',
      title: 'İctimai nəzarət üzrə dəyirmi masa',
      members: ['azer-allahveranov'],
    }),
  });
  eventId = (await created.json()).eventId;
});
afterAll(() => api.close());

async function coverage() {
  return (await api.request(`/api/events/${eventId}/coverage`, { role: 'management' })).json();
}

function decide(mentionId: string, action: string, role: 'pr-staff' | 'management' = 'pr-staff') {
  return api.request(`/api/events/${eventId}/coverage/${encodeURIComponent(mentionId)}`, {
    method: 'PUT',
    role,
    body: JSON.stringify({ action }),
  });
}

describe('coverage proposed for an event', () => {
  it('proposes the window’s mentions that name its members or share its title’s words', async () => {
    // Act
    const { proposed, linked } = await coverage();
    // Assert
    expect(linked).toEqual([]);
    expect(proposed.map((p: Proposal) => [p.title, p.reasons])).toEqual([
      ['Azər Allahverənov dəyirmi masada çıxış edib', ['member']],
      ['Sahib Məmmədov: ictimai nəzarət dəyirmi masası uğurlu keçdi', ['title']],
    ]);
  });

  it('lets pr-staff confirm a link: the event counts it and the mention shows the event', async () => {
    // Arrange
    const [first, second] = (await coverage()).proposed as Proposal[];
    // Act
    const refused = await decide(first?.mentionId ?? '', 'confirm', 'management');
    const confirmed = await decide(first?.mentionId ?? '', 'confirm');
    await decide(second?.mentionId ?? '', 'confirm');
    const after = await coverage();
    const mentions = await (
      await api.request('/api/mentions?from=2026-10-01&to=2026-10-31', { role: 'management' })
    ).json();
    // Assert
    expect(refused.status).toBe(403);
    expect(confirmed.status).toBe(200);
    expect(after.event.coverageCount).toBe(2);
    expect(after.event.coverageOutlets).toEqual(['APA', 'Report']);
    expect(after.proposed).toEqual([]);
    const shown = mentions.items.find((m: { mentionId: string }) => m.mentionId === first?.mentionId);
    expect(shown.event).toEqual({ eventId, title: 'İctimai nəzarət üzrə dəyirmi masa', date: '2026-10-10' });
  });

  it('removes a link so it is not proposed again, and records both decisions in the history', async () => {
    // Arrange
    const { linked } = await coverage();
    const removedId = linked[0].mentionId;
    // Act
    const removed = await decide(removedId, 'remove');
    const after = await coverage();
    const mentions = await (
      await api.request('/api/mentions?from=2026-10-01&to=2026-10-31', { role: 'management' })
    ).json();
    const history = await (
      await api.request(`/api/events/${eventId}/history`, { role: 'management' })
    ).json();
    // Assert
    expect(removed.status).toBe(200);
    expect(after.event.coverageCount).toBe(1);
    expect(after.proposed.map((p: Proposal) => p.mentionId)).not.toContain(removedId);
    expect(
      mentions.items.find((m: { mentionId: string }) => m.mentionId === removedId).event,
    ).toBeUndefined();
    expect(history.items.map((entry: { action: string }) => entry.action)).toEqual([
      'coverage-removed',
      'coverage-confirmed',
      'coverage-confirmed',
      'created',
    ]);
  });

  it('refuses to delete an event that still has coverage, and a bad decision', async () => {
    // Act
    const deletion = await api.request(`/api/events/${eventId}`, { method: 'DELETE', role: 'pr-staff' });
    const bad = await decide('abc~azer-allahveranov', 'approve');
    const unknownMention = await decide('abc~azer-allahveranov', 'confirm');
    // Assert
    expect(deletion.status).toBe(400);
    expect((await bad.json()).error.message).toBe('action: must be confirm or remove');
    expect(unknownMention.status).toBe(404);
  });
});
