// Search folds text as the matcher does and, when the words name a roster member, returns that
// member's mentions in every spelling; the list, the count and the CSV agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
const period = 'from=2026-11-01&to=2026-11-30';

async function titles(q: string): Promise<string[]> {
  const response = await api.request(`/api/mentions?${period}&q=${encodeURIComponent(q)}`, {
    role: 'management',
  });
  expect(response.status).toBe(200);
  return (await response.json()).items.map((item: { title: string }) => item.title).sort();
}

beforeAll(async () => {
  api = await startTestApi();
  await seedArticles({ db: api.table.documentClient, tableName: api.table.tableName }, [
    {
      outletId: 'apa',
      title: 'Azər Allahverənov miqrantlarla görüşüb',
      published: '2026-11-02T08:00:00Z',
      entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
    },
    {
      outletId: 'haqqin',
      title: 'Азер Аллахверанов встретился с мигрантами',
      published: '2026-11-03T08:00:00Z',
      language: 'ru',
      entities: [{ id: 'azer-allahveranov', surface: 'Азер Аллахверанов' }],
    },
    {
      outletId: 'report',
      title: 'Azer Allahveranov met migrants',
      published: '2026-11-04T08:00:00Z',
      language: 'en',
      entities: [{ id: 'azer-allahveranov', surface: 'Azer Allahveranov' }],
    },
    {
      outletId: 'trend',
      title: 'İCTİMAİ ŞURANIN İCLASI KEÇİRİLİB',
      published: '2026-11-05T08:00:00Z',
      entities: [{ id: 'public-council-sms', kind: 'organisation', surface: 'İCTİMAİ ŞURA' }],
    },
  ]);
});
afterAll(() => api.close());

describe('searching the mention list', () => {
  it('finds a roster member in every script and spelling, whichever spelling is typed', async () => {
    const all = [
      'Azer Allahveranov met migrants',
      'Azər Allahverənov miqrantlarla görüşüb',
      'Азер Аллахверанов встретился с мигрантами',
    ];
    expect(await titles('Allahverənov')).toEqual(all);
    expect(await titles('Аллахверанов')).toEqual(all);
    expect(await titles('allahveranov')).toEqual(all);
  });

  it('folds diacritics and the dotted İ of a text that names no member', async () => {
    expect(await titles('ictimai suranin')).toEqual(['İCTİMAİ ŞURANIN İCLASI KEÇİRİLİB']);
    expect(await titles('İclası')).toEqual(['İCTİMAİ ŞURANIN İCLASI KEÇİRİLİB']);
  });

  it('counts and exports what the list finds', async () => {
    const count = await (
      await api.request(`/api/mention-counts?${period}&q=${encodeURIComponent('Аллахверанов')}`, {
        role: 'management',
      })
    ).json();
    expect(count.total).toBe(3);
    const csv = await (
      await api.request(`/api/export.csv?${period}&q=${encodeURIComponent('Allahverənov')}`, {
        role: 'management',
      })
    ).text();
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });
});
