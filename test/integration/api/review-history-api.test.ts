import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewMention } from '#shared/store/mention-review.ts';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
let mentionId: string;

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
      title: 'Sahib Məmmədov müsahibə verib',
      published: '2026-11-03T08:00:00Z',
      entities: [{ id: 'sahib-mammadov', surface: 'Sahib Məmmədov' }],
    },
  ]);
  const list = await (
    await api.request('/api/mentions?from=2026-11-01&to=2026-11-30', { role: 'pr-staff' })
  ).json();
  mentionId = list.items.find(
    (item: { entityId: string }) => item.entityId === 'azer-allahveranov',
  ).mentionId;
});
afterAll(() => api.close());

/**
 * Reviews made one after another, alternating so each one changes the status. Each note takes about
 * 2 KB in UTF-8 ('ə' is two bytes), so history kept inside the mention item would pass DynamoDB's
 * 400 KB item limit before the last of them, as 370 notes of 1,000 ASCII characters did.
 */
const reviewCount = 210;
const note = (n: number) => `${String(n).padStart(4, '0')} ${'ə'.repeat(995)}`;

describe('a mention reviewed hundreds of times', () => {
  it('accepts every review, keeps list pages small and serves the whole history in pages', async () => {
    // Act: the bulk goes straight to the store (HTTP adds only time), the last ones through the API.
    const table = { db: api.table.documentClient, tableName: api.table.tableName };
    const throughApi = 30;
    for (let n = 1; n <= reviewCount - throughApi; n++) {
      const decision = n % 2 === 1 ? 'rejected' : 'unreviewed';
      await reviewMention(table, {
        mentionId,
        decision,
        note: note(n),
        by: 'bulk',
        at: new Date().toISOString(),
      });
    }
    const statuses: number[] = [];
    for (let n = reviewCount - throughApi + 1; n <= reviewCount; n++) {
      const response = await api.request(`/api/mentions/${mentionId}`, {
        role: 'pr-staff',
        method: 'PATCH',
        body: JSON.stringify({ status: n % 2 === 1 ? 'rejected' : 'unreviewed', note: note(n) }),
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }

    // Assert: every review succeeded.
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // A one-item page weighs what one mention weighs, not its history.
    const page = await api.request(
      '/api/mentions?from=2026-11-01&to=2026-11-30&member=azer-allahveranov&limit=1',
      {
        role: 'management',
      },
    );
    const text = await page.text();
    expect(Buffer.byteLength(text)).toBeLessThan(8_000);
    const [item] = JSON.parse(text).items;
    expect(item).toMatchObject({ status: 'auto', reviewCount, lastReview: { note: note(reviewCount) } });
    // The history holds every review, newest first, one page at a time.
    const notes: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api.request(
        `/api/mentions/${mentionId}/history?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { role: 'management' },
      );
      expect(response.status).toBe(200);
      const body: { items: Array<{ note: string }>; cursor: string | null } = await response.json();
      notes.push(...body.items.map((entry) => entry.note));
      cursor = body.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(notes).toEqual(Array.from({ length: reviewCount }, (_, i) => note(reviewCount - i)));
    expect(pages).toBe(3);
  }, 180_000);

  it('keeps one history item per accepted simultaneous review, answers 409 to the rest and counts once', async () => {
    const list = await (
      await api.request('/api/mentions?from=2026-11-01&to=2026-11-30&member=sahib-mammadov', {
        role: 'pr-staff',
      })
    ).json();
    const id = list.items[0].mentionId;

    const statuses = await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const response = await api.request(`/api/mentions/${id}`, {
          role: 'pr-staff',
          method: 'PATCH',
          body: JSON.stringify({ status: 'rejected', note: `reviewer ${n}` }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );

    // A request that read the status before another review landed loses with 409; one that read it
    // after re-rejects with its own note. Either way each accepted review is one history item.
    const accepted = statuses.filter((status) => status === 200).length;
    expect(accepted).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(20 - accepted);
    const history = await (await api.request(`/api/mentions/${id}/history`, { role: 'pr-staff' })).json();
    expect(history.items).toHaveLength(accepted);
    expect(history.items.filter((entry: { from: string }) => entry.from === 'auto')).toHaveLength(1);
    const summary = await (
      await api.request('/api/summary?from=2026-11-01&to=2026-11-30', { role: 'management' })
    ).json();
    expect(summary.totals.perMember['sahib-mammadov']).toBeUndefined();
  });

  it('answers 404 for the history of an unknown mention and 400 for a cursor that is not one', async () => {
    const missing = await api.request('/api/mentions/abc~nobody/history', { role: 'management' });
    expect(missing.status).toBe(404);
    const bad = await api.request(`/api/mentions/${mentionId}/history?cursor=abc`, { role: 'management' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toBe('cursor: is not a cursor of this history');
  });
});
