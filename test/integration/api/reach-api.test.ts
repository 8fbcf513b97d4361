import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lead } from '#shared/domain/lead.ts';
import { touchDiscoveredOutlet } from '#shared/store/discovered-outlet-store.ts';
import { putLead } from '#shared/store/lead-store.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let table: TableContext;
const period = 'from=2026-11-01&to=2026-11-30';

const lead = (leadId: string, outlet: string): Lead => ({
  leadId,
  status: 'open',
  memberId: 'azer-allahveranov',
  reason: 'unconfirmed',
  title: `Migration forum covered by ${outlet}`,
  snippet: 'Experts met in Baku.',
  url: `https://${outlet}/forum`,
  engineLink: `https://www.bing.com/news/apiclick.aspx?url=https%3a%2f%2f${outlet}%2fforum`,
  outlet,
  outletId: outlet,
  outletName: outlet,
  language: 'en',
  published: '2026-11-20T10:00:00.000Z',
  firstSeenAt: '2026-11-20T11:00:00.000Z',
  searchId: 'bing-en',
  query: '"Azer Allahveranov"',
});

beforeAll(async () => {
  api = await startTestApi();
  table = { db: api.table.documentClient, tableName: api.table.tableName };
  await seedArticles(table, [
    {
      outletId: 'apa',
      title: 'Azər Allahverənov miqrantların hüquqlarından danışıb',
      published: '2026-11-02T08:00:00Z',
      entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
    },
    {
      outletId: 'caspiannews.com',
      outletName: 'Caspian News',
      title: 'Azer Allahveranov on labour migration',
      published: '2026-11-05T08:00:00Z',
      language: 'en',
      entities: [{ id: 'azer-allahveranov', surface: 'Azer Allahveranov' }],
    },
  ]);
  await touchDiscoveredOutlet(table, {
    domain: 'caspiannews.com',
    name: 'Caspian News',
    seenAt: '2026-11-05T09:00:00Z',
    mentions: 1,
  });
  await touchDiscoveredOutlet(table, {
    domain: 'yenisabah.az',
    name: 'Yeni Sabah',
    seenAt: '2026-11-06T09:00:00Z',
    mentions: 0,
  });
  await putLead(table, lead('a'.repeat(32), 'yenisabah.az'));
  await putLead(table, lead('b'.repeat(32), 'forum.example.org'));
});
afterAll(() => api.close());

async function totals() {
  const response = await api.request(`/api/summary?${period}`, { role: 'management' });
  expect(response.status).toBe(200);
  return (await response.json()).totals;
}

describe('GET /api/outlets', () => {
  it('lists registered and discovered outlets with their origin', async () => {
    const { outlets } = await (await api.request('/api/outlets', { role: 'management' })).json();
    expect(outlets.find((o: { id: string }) => o.id === 'apa')).toMatchObject({
      origin: 'registry',
      domain: 'apa.az',
    });
    expect(outlets.find((o: { id: string }) => o.id === 'caspiannews.com')).toMatchObject({
      origin: 'search',
      name: 'Caspian News',
      mentions: 1,
      notPress: false,
    });
  });
});

describe('PATCH /api/outlets/{id}', () => {
  it('is for PR staff only and names a bad body', async () => {
    const asManagement = await api.request('/api/outlets/caspiannews.com', {
      role: 'management',
      method: 'PATCH',
      body: JSON.stringify({ notPress: true }),
    });
    expect(asManagement.status).toBe(403);
    const bad = await api.request('/api/outlets/caspiannews.com', {
      role: 'pr-staff',
      method: 'PATCH',
      body: '{"notPress":"yes"}',
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^notPress: /);
    const unknown = await api.request('/api/outlets/nowhere.example', {
      role: 'pr-staff',
      method: 'PATCH',
      body: '{"notPress":true}',
    });
    expect(unknown.status).toBe(404);
  });

  it('takes a not-press outlet out of every count and puts it back', async () => {
    const before = await totals();
    expect(before.distinctOutlets).toBe(2);
    const mark = (notPress: boolean) =>
      api.request('/api/outlets/caspiannews.com', {
        role: 'pr-staff',
        method: 'PATCH',
        body: JSON.stringify({ notPress }),
      });
    expect((await mark(true)).status).toBe(200);
    const excluded = await totals();
    expect(excluded).toMatchObject({ distinctOutlets: 1, mentions: before.mentions - 1 });
    expect(excluded.perMember['azer-allahveranov']).toBe(before.perMember['azer-allahveranov'] - 1);
    expect((await mark(false)).status).toBe(200);
    expect(await totals()).toEqual(before);
  });
});

describe('leads', () => {
  it('lists open leads and confirms one into a counted mention with one call', async () => {
    const { leads } = await (await api.request('/api/leads', { role: 'management' })).json();
    expect(leads.map((l: Lead) => l.outlet).sort()).toEqual(['forum.example.org', 'yenisabah.az']);
    const before = await totals();
    const confirm = await api.request(`/api/leads/${'a'.repeat(32)}`, {
      role: 'pr-staff',
      method: 'PATCH',
      body: JSON.stringify({ action: 'confirm' }),
    });
    expect(confirm.status).toBe(200);
    expect(await confirm.json()).toMatchObject({
      status: 'confirmed',
      mentionIds: [`${'a'.repeat(32)}~azer-allahveranov`],
    });
    const after = await totals();
    expect(after).toMatchObject({
      mentions: before.mentions + 1,
      distinctOutlets: before.distinctOutlets + 1,
    });
    const mentions = await (
      await api.request(`/api/mentions?${period}&outlet=yenisabah.az`, { role: 'management' })
    ).json();
    expect(mentions.items[0]).toMatchObject({
      status: 'confirmed',
      foundThrough: 'search',
      outletName: 'yenisabah.az',
    });
  });

  it('dismisses a lead, which then counts nowhere and cannot be confirmed', async () => {
    const before = await totals();
    const review = (action: string) =>
      api.request(`/api/leads/${'b'.repeat(32)}`, {
        role: 'pr-staff',
        method: 'PATCH',
        body: JSON.stringify({ action }),
      });
    expect((await review('dismiss')).status).toBe(200);
    expect((await review('confirm')).status).toBe(409);
    expect(await totals()).toEqual(before);
    const { leads } = await (await api.request('/api/leads?status=dismissed', { role: 'management' })).json();
    expect(leads.map((l: Lead) => l.leadId)).toEqual(['b'.repeat(32)]);
  });
});

describe('distinct outlets of manual entries', () => {
  it('merges one channel typed in different case and script', async () => {
    const before = await totals();
    for (const outletName of ['İctimai TV', 'ictimai tv', 'Иджтимаи ТВ']) {
      const response = await api.request('/api/mentions', {
        role: 'pr-staff',
        method: 'POST',
        body: JSON.stringify({
          title: 'Interview',
          date: '2026-11-25',
          members: ['azer-allahveranov'],
          outletName,
          medium: 'tv',
          language: 'az',
        }),
      });
      expect(response.status).toBe(201);
    }
    const after = await totals();
    expect(after).toMatchObject({
      mentions: before.mentions + 3,
      distinctOutlets: before.distinctOutlets + 1,
    });
  });
});
