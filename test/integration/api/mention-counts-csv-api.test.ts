// The CSV reconciles with the cards and the list: rejected mentions only when asked for, Baku times with
// their offset, a medium column, headings in the interface language; the count route says how many match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
const period = 'from=2026-11-01&to=2026-11-30';

async function get(path: string, role: 'management' | 'pr-staff' = 'management') {
  const response = await api.request(path, { role });
  expect(response.status).toBe(200);
  return response;
}

async function listed(filters: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = '';
  do {
    const page = await (await get(`/api/mentions?${period}${filters}&limit=2${cursor}`)).json();
    ids.push(
      ...page.items.map((item: { title: string; entityId: string }) => `${item.entityId}|${item.title}`),
    );
    cursor = page.cursor ? `&cursor=${encodeURIComponent(page.cursor)}` : '';
  } while (cursor);
  return ids;
}

async function exported(filters: string, lang = '') {
  const text = (await (await get(`/api/export.csv?${period}${filters}${lang}`)).text()).replace(
    /^\uFEFF/,
    '',
  );
  const [header, ...rows] = text.trim().split('\r\n');
  const cells = rows.map((row) => row.slice(1, -1).split('","'));
  return { header: header as string, cells, ids: cells.map((cell) => `${cell[2]}|${cell[7]}`) };
}

beforeAll(async () => {
  api = await startTestApi();
  await seedArticles(
    { db: api.table.documentClient, tableName: api.table.tableName },
    [
      ['apa', 'Birinci xəbər', '2026-11-02T08:00:00Z'],
      ['report', 'İkinci xəbər', '2026-11-10T21:30:00Z'],
      ['haqqin', 'Üçüncü xəbər', '2026-11-20T12:00:00Z'],
    ].map(([outletId, title, published]) => ({
      outletId: outletId as string,
      title: title as string,
      published: published as string,
      entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
    })),
  );
  const rejected = (await (await get(`/api/mentions?${period}`)).json()).items.find(
    (item: { title: string }) => item.title === 'İkinci xəbər',
  );
  const review = await api.request(`/api/mentions/${encodeURIComponent(rejected.mentionId)}`, {
    role: 'pr-staff',
    method: 'PATCH',
    body: JSON.stringify({ status: 'rejected' }),
  });
  expect(review.status).toBe(200);
  const manual = await api.request('/api/mentions', {
    role: 'pr-staff',
    method: 'POST',
    body: JSON.stringify({
      title: 'Efirdə müsahibə',
      date: '2026-11-15',
      members: ['sahib-mammadov'],
      outletName: 'İctimai Televiziya',
      medium: 'tv',
      language: 'az',
    }),
  });
  expect(manual.status).toBe(201);
});
afterAll(() => api.close());

describe('GET /api/export.csv against the cards and the list', () => {
  it('holds by default what the counts hold, and matches the list line for line without the rejected', async () => {
    const csv = await exported('');
    const summary = await (await get(`/api/summary?${period}`)).json();
    expect(csv.cells).toHaveLength(summary.totals.mentions);
    expect(csv.ids).toEqual((await listed('')).filter((id) => !id.endsWith('İkinci xəbər')));
  });

  it('matches the list line for line for each status filter, rejected ones included when asked', async () => {
    for (const status of ['auto', 'rejected', 'manual', 'confirmed']) {
      const csv = await exported(`&status=${status}`);
      expect(csv.ids).toEqual(await listed(`&status=${status}`));
    }
    expect((await exported('&status=rejected')).ids).toEqual(['azer-allahveranov|İkinci xəbər']);
  });

  it('writes Baku times with the offset and the medium of each mention', async () => {
    const csv = await exported('&status=rejected');
    expect(csv.cells[0]?.[0]).toBe('2026-11-11T01:30:00+04:00');
    const manual = (await exported('&status=manual')).cells[0] as string[];
    expect(manual.at(-1)).toBe('tv');
    expect((await exported('&status=auto')).cells.map((cell) => cell.at(-1))).toEqual(['web', 'web']);
  });

  it('heads the columns in the interface language in the machine-name order', async () => {
    expect((await exported('', '')).header.split(',')[0]).toBe('published');
    expect((await exported('', '&lang=az')).header).toMatch(/^"Dərc olunub \(Bakı vaxtı\)","Media",.*"Növ"$/);
    expect((await exported('', '&lang=ru')).header).toMatch(/^"Опубликовано \(время Баку\)".*"Тип"$/);
  });
});

describe('GET /api/mention-counts', () => {
  it('counts what the filters match, by review status', async () => {
    const body = await (await get(`/api/mention-counts?${period}`)).json();
    expect(body).toMatchObject({
      total: 4,
      counted: 3,
      byStatus: { auto: 2, confirmed: 0, rejected: 1, manual: 1 },
      exact: true,
    });
    const member = await (await get(`/api/mention-counts?${period}&member=azer-allahveranov&q=xəbər`)).json();
    expect(member.total).toBe(3);
  });
});
