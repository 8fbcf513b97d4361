import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  api = await startTestApi();
  const table = { db: api.table.documentClient, tableName: api.table.tableName };
  await seedArticles(table, [
    {
      outletId: 'apa',
      title: 'Azər Allahverənov miqrantların hüquqlarından danışıb',
      published: '2026-11-02T08:00:00Z',
      entities: [{ id: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
    },
    {
      outletId: 'report',
      title: 'İctimai Şuranın sədri Azər Allahverənov və Sahib Məmmədov görüş keçirib',
      published: '2026-11-10T09:30:00Z',
      entities: [
        { id: 'azer-allahveranov', surface: 'Azər Allahverənov', evidence: 'full-name' },
        { id: 'sahib-mammadov', surface: 'Sahib Məmmədov', evidence: 'initial-role' },
        { id: 'public-council-sms', kind: 'organisation', surface: 'İctimai Şura' },
      ],
    },
    {
      outletId: 'haqqin',
      title: 'Азер Аллахверанов: =HYPERLINK("http://evil") миграционная политика',
      published: '2026-11-20T12:00:00Z',
      language: 'ru',
      entities: [{ id: 'azer-allahveranov', surface: 'Азер Аллахверанов', evidence: 'surname' }],
    },
    {
      outletId: 'apa',
      title: 'Davud Rəhimli October interview',
      published: '2026-10-15T12:00:00Z',
      language: 'en',
      entities: [{ id: 'davud-rahimli', surface: 'Davud Rəhimli' }],
    },
  ]);
});
afterAll(() => api.close());

async function summary(query: string) {
  const response = await api.request(`/api/summary?${query}`, { role: 'management' });
  expect(response.status).toBe(200);
  return response.json();
}

describe('GET /api/summary', () => {
  it('counts mentions, distinct outlets and members of a month, with the previous period', async () => {
    const body = await summary('from=2026-11-01&to=2026-11-30&granularity=week');

    expect(body.totals).toMatchObject({
      mentions: 5,
      distinctOutlets: 3,
      membersMentioned: 2,
      perMember: { 'azer-allahveranov': 3, 'sahib-mammadov': 1 },
      perOrganisation: { 'public-council-sms': 1 },
      perOutlet: { apa: 1, report: 3, haqqin: 1 },
      perLanguage: { az: 4, ru: 1 },
    });
    expect(body.previous.period).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(body.previous.totals.mentions).toBe(1);
    expect(body.series.reduce((sum: number, bucket: { mentions: number }) => sum + bucket.mentions, 0)).toBe(
      5,
    );
    expect(body.series[0].bucket).toBe('2026-10-26');
  });

  it('answers 400 naming the field when a date is malformed', async () => {
    const response = await api.request('/api/summary?from=2026-13-01', { role: 'management' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('validation-failed');
    expect(body.error.message).toMatch(/^from: /);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });
});

describe('GET /api/mentions', () => {
  it('lists newest first and pages with a cursor without overlap', async () => {
    const ids: string[] = [];
    const published: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const query: string = `/api/mentions?from=2026-10-01&to=2026-11-30&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const body = await (await api.request(query, { role: 'management' })).json();
      ids.push(...body.items.map((item: { mentionId: string }) => item.mentionId));
      published.push(...body.items.map((item: { published: string }) => item.published));
      cursor = body.cursor;
      if (!cursor) break;
    }
    expect(cursor).toBeNull();
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(published).toEqual([...published].sort().reverse());
  });

  it('filters by the evidence a mention rests on and refuses an unknown kind', async () => {
    const query = '/api/mentions?from=2026-10-01&to=2026-11-30&evidence=initial-role';
    const body = await (await api.request(query, { role: 'management' })).json();
    expect(
      body.items.map((item: { entityId: string; evidence: string }) => [item.entityId, item.evidence]),
    ).toEqual([['sahib-mammadov', 'initial-role']]);
    const bad = await api.request('/api/mentions?evidence=guess', { role: 'management' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^evidence: /);
  });

  it('keeps to the limit when a filter drops items, and continues where the page ended', async () => {
    const query = '/api/mentions?from=2026-10-01&to=2026-11-30&status=auto&limit=2';
    const first = await (await api.request(query, { role: 'management' })).json();
    expect(first.items).toHaveLength(2);
    const second = await (
      await api.request(`${query}&cursor=${first.cursor}`, { role: 'management' })
    ).json();
    const ids = [...first.items, ...second.items].map((item: { mentionId: string }) => item.mentionId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(second.items.length).toBeGreaterThan(0);
  });

  it('answers 400 naming the cursor when it was forged', async () => {
    const forged = Buffer.from(JSON.stringify({ partition: 'MON#2026-11', startKey: { PK: 'x' } })).toString(
      'base64url',
    );
    const response = await api.request(`/api/mentions?from=2026-10-01&to=2026-11-30&cursor=${forged}`, {
      role: 'management',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^cursor: /);
  });

  it('answers 400 when a genuine cursor is reused with other filters', async () => {
    const first = await api.request('/api/mentions?from=2026-11-01&to=2026-11-30&limit=1', {
      role: 'management',
    });
    const { cursor } = await first.json();
    expect(cursor).toEqual(expect.any(String));

    const reused = await api.request(`/api/mentions?from=2026-11-01&to=2026-11-01&cursor=${cursor}`, {
      role: 'management',
    });

    expect(reused.status).toBe(400);
    expect((await reused.json()).error.message).toBe('cursor: the cursor does not belong to this query');
    const sameQuery = await api.request(
      `/api/mentions?from=2026-11-01&to=2026-11-30&limit=1&cursor=${cursor}`,
      {
        role: 'management',
      },
    );
    expect(sameQuery.status).toBe(200);
  });

  it('answers 400 for a cursor whose position was edited or that is not a cursor at all', async () => {
    const query = '/api/mentions?from=2026-11-01&to=2026-11-30&limit=1';
    const { cursor } = await (await api.request(query, { role: 'management' })).json();
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    payload.startKey.GSI2SK = '2026-10-01T00:00:00.000Z#x#y';
    const edited = Buffer.from(JSON.stringify(payload)).toString('base64url');

    for (const bad of [edited, 'bm90IGEgY3Vyc29y', '%7B%7D', 'x'.repeat(1500)]) {
      const response = await api.request(`${query}&cursor=${bad}`, { role: 'management' });
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/^cursor: /);
    }
  });

  it('filters by member and by language', async () => {
    const byMember = await (
      await api.request('/api/mentions?from=2026-10-01&to=2026-11-30&member=sahib-mammadov', {
        role: 'management',
      })
    ).json();
    expect(byMember.items.map((item: { entityId: string }) => item.entityId)).toEqual(['sahib-mammadov']);
    const byLanguage = await (
      await api.request('/api/mentions?from=2026-10-01&to=2026-11-30&language=ru', { role: 'management' })
    ).json();
    expect(byLanguage.items).toHaveLength(1);
    expect(byLanguage.items[0].snippet.highlights).toEqual([[0, 17]]);
  });
});

describe('PATCH /api/mentions/{id}', () => {
  it('forbids management from reviewing', async () => {
    const list = await (
      await api.request('/api/mentions?from=2026-11-01&to=2026-11-30', { role: 'management' })
    ).json();
    const response = await api.request(`/api/mentions/${list.items[0].mentionId}`, {
      role: 'management',
      method: 'PATCH',
      body: JSON.stringify({ status: 'rejected' }),
    });
    expect(response.status).toBe(403);
  });

  it('takes a rejected mention out of the counts at once and restores it on undo, keeping the history', async () => {
    const list = await (
      await api.request('/api/mentions?from=2026-11-01&to=2026-11-30&outlet=haqqin', { role: 'pr-staff' })
    ).json();
    const id = list.items[0].mentionId;

    const rejected = await api.request(`/api/mentions/${id}`, {
      role: 'pr-staff',
      method: 'PATCH',
      body: JSON.stringify({ status: 'rejected', note: 'namesake' }),
    });
    expect(rejected.status).toBe(200);
    const afterReject = await summary('from=2026-11-01&to=2026-11-30');
    expect(afterReject.totals.mentions).toBe(4);
    expect(afterReject.totals.distinctOutlets).toBe(2);
    expect(afterReject.totals.perOutlet.haqqin).toBeUndefined();

    const undone = await api.request(`/api/mentions/${id}`, {
      role: 'pr-staff',
      method: 'PATCH',
      body: JSON.stringify({ status: 'unreviewed' }),
    });
    const body = await undone.json();
    expect(body.status).toBe('auto');
    expect(Object.keys(body).filter((key) => /^(PK|SK|GSI\d(PK|SK)|searchText|type)$/.test(key))).toEqual([]);
    expect(body.lastReview).toMatchObject({ from: 'rejected', to: 'auto', by: 'pr-staff@local.test' });
    expect(body).not.toHaveProperty('history');
    const history = await (await api.request(`/api/mentions/${id}/history`, { role: 'management' })).json();
    expect(history.items.map((entry: { to: string }) => entry.to)).toEqual(['auto', 'rejected']);
    expect(history.items[1]).toMatchObject({ by: 'pr-staff@local.test', note: 'namesake' });
    expect(history.cursor).toBeNull();
    expect((await summary('from=2026-11-01&to=2026-11-30')).totals.mentions).toBe(5);
  });

  it('answers 400 for a note over 1000 characters and stores nothing', async () => {
    const list = await (
      await api.request('/api/mentions?from=2026-10-01&to=2026-10-31', { role: 'pr-staff' })
    ).json();
    const id = list.items[0].mentionId;

    const response = await api.request(`/api/mentions/${id}`, {
      role: 'pr-staff',
      method: 'PATCH',
      body: JSON.stringify({ status: 'confirmed', note: 'n'.repeat(1001) }),
    });

    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe('note: must be at most 1000 characters');
    const history = await (await api.request(`/api/mentions/${id}/history`, { role: 'pr-staff' })).json();
    expect(history.items).toEqual([]);
  });

  it('answers 404 for a malformed escape in the mention id', async () => {
    const response = await api.request('/api/mentions/%E0%A4%A', {
      role: 'pr-staff',
      method: 'PATCH',
      body: JSON.stringify({ status: 'confirmed' }),
    });
    expect(response.status).toBe(404);
  });

  it('answers 404 for an unknown mention and 400 for an unknown status', async () => {
    const missing = await api.request('/api/mentions/abc~nobody', {
      role: 'pr-staff',
      method: 'PATCH',
      body: JSON.stringify({ status: 'confirmed' }),
    });
    expect(missing.status).toBe(404);
    const invalid = await api.request('/api/mentions/abc~nobody', {
      role: 'pr-staff',
      method: 'PATCH',
      body: JSON.stringify({ status: 'deleted' }),
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.message).toBe(
      'status: must be one of confirmed, rejected, unreviewed',
    );
    const empty = await api.request('/api/mentions/abc~nobody', {
      role: 'pr-staff',
      method: 'PATCH',
      body: '{}',
    });
    expect((await empty.json()).error.message).toBe('status: is required');
  });
});

describe('POST /api/mentions', () => {
  it('records a manual mention that counts like the rest', async () => {
    const before = (await summary('from=2026-11-01&to=2026-11-30')).totals;
    const response = await api.request('/api/mentions', {
      role: 'pr-staff',
      method: 'POST',
      body: JSON.stringify({
        title: 'Xalq qəzeti: Şuranın hesabatı',
        date: '2026-11-25',
        members: ['azer-allahveranov', 'public-council-sms'],
        outletName: 'Xalq qəzeti',
        medium: 'print',
        language: 'az',
      }),
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.mentions).toHaveLength(2);
    expect(body.mentions[0].status).toBe('manual');
    const after = (await summary('from=2026-11-01&to=2026-11-30')).totals;
    expect(after.mentions).toBe(before.mentions + 2);
    expect(after.distinctOutlets).toBe(before.distinctOutlets + 1);
  });

  it('keeps outlets typed in Cyrillic apart and answers 409 when the same URL is entered twice', async () => {
    const before = (await summary('from=2026-11-01&to=2026-11-30')).totals;
    const enter = (outletName: string, url: string) =>
      api.request('/api/mentions', {
        role: 'pr-staff',
        method: 'POST',
        body: JSON.stringify({
          title: 'Interview with the chairman',
          date: '2026-11-26',
          members: ['azer-allahveranov'],
          outletName,
          medium: 'web',
          language: 'en',
          url,
        }),
      });

    expect((await enter('Зеркало', 'https://zerkalo.example/a?utm_source=x')).status).toBe(201);
    expect((await enter('Эхо', 'https://echo.example/b')).status).toBe(201);
    const again = await enter('Зеркало', 'https://zerkalo.example/a');

    expect(again.status).toBe(409);
    const after = (await summary('from=2026-11-01&to=2026-11-30')).totals;
    expect(after.distinctOutlets).toBe(before.distinctOutlets + 2);
    expect(after.mentions).toBe(before.mentions + 2);
  });

  it('rejects a date in the future and a body that is not sent as JSON', async () => {
    const body = {
      title: 'x',
      date: '2099-01-01',
      members: ['azer-allahveranov'],
      outletName: 'TV',
      medium: 'tv',
      language: 'az',
    };
    const future = await api.request('/api/mentions', {
      role: 'pr-staff',
      method: 'POST',
      body: JSON.stringify(body),
    });
    expect(future.status).toBe(400);
    expect((await future.json()).error.message).toBe('date: must not be in the future');
    const wrongType = await api.request('/api/mentions', {
      role: 'pr-staff',
      method: 'POST',
      headers: { 'content-type': 'application/jsonx' },
      body: JSON.stringify({ ...body, date: '2026-11-01' }),
    });
    expect(wrongType.status).toBe(400);
    expect((await wrongType.json()).error.message).toMatch(/^body: /);
  });

  it('rejects a member that is not in the roster, naming it', async () => {
    const response = await api.request('/api/mentions', {
      role: 'pr-staff',
      method: 'POST',
      body: JSON.stringify({
        title: 'x',
        date: '2026-11-25',
        members: ['nobody-here'],
        outletName: 'TV',
        medium: 'tv',
        language: 'az',
      }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/^members\.0: /);
  });
});

describe('GET /api/export.csv', () => {
  it('exports the filtered list with formula cells neutralised', async () => {
    const response = await api.request('/api/export.csv?from=2026-11-01&to=2026-11-30&language=ru', {
      role: 'management',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'published,outlet,member,member_name,language,status,evidence,title,url,snippet,note,outlet_key,medium',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Азер Аллахверанов: =HYPERLINK(""http://evil"") миграционная политика"');
    expect(lines[1]).toContain('"auto","surname",');
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every route with the parameters the schemas validate', async () => {
    const document = await (await api.request('/api/openapi.json', { role: 'management' })).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/summary', '/api/mentions/{id}', '/api/export.csv']),
    );
    const names = document.paths['/api/mentions'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'member',
        'outlet',
        'language',
        'status',
        'q',
        'from',
        'to',
        'cursor',
        'limit',
      ]),
    );
    expect(document.paths['/api/health'].get.security).toEqual([]);
  });
});
