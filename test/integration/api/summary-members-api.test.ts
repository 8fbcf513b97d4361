// /api/summary?members=… adds one series per chosen member beside the total, from the same day, week
// and month aggregates, so each member's series adds up to that member's count in the totals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi } from '../../helpers/local-api.ts';
import { seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
type Point = { bucket: string; mentions: number };
type Summary = {
  series: Point[];
  memberSeries?: Array<{ member: string; series: Point[] }>;
  totals: { perMember: Record<string, number>; perOrganisation: Record<string, number> };
};

async function summary(query: string): Promise<Summary> {
  const response = await api.request(`/api/summary?${query}`, { role: 'management' });
  expect(response.status).toBe(200);
  return response.json();
}

const sum = (points: Point[]) => points.reduce((total, point) => total + point.mentions, 0);

beforeAll(async () => {
  api = await startTestApi();
  const azer = { id: 'azer-allahveranov', surface: 'Azər Allahverənov' };
  const sahib = { id: 'sahib-mammadov', surface: 'Sahib Məmmədov' };
  const council = { id: 'public-council-sms', kind: 'organisation' as const, surface: 'İctimai Şura' };
  await seedArticles({ db: api.table.documentClient, tableName: api.table.tableName }, [
    { outletId: 'apa', title: 'Bir', published: '2026-11-02T08:00:00Z', entities: [azer] },
    { outletId: 'apa', title: 'İki', published: '2026-11-02T09:00:00Z', entities: [azer, sahib] },
    // 21:30 UTC is the next day in Baku.
    { outletId: 'report', title: 'Üç', published: '2026-11-10T21:30:00Z', entities: [sahib] },
    { outletId: 'trend', title: 'Dörd', published: '2026-11-20T12:00:00Z', entities: [azer, council] },
    { outletId: 'trend', title: 'Beş', published: '2026-10-20T12:00:00Z', entities: [azer] },
  ]);
}, 60_000);

afterAll(() => api?.close());

describe('GET /api/summary with members', () => {
  it('adds a daily series per member, on the buckets of the total, summing to the member totals', async () => {
    const body = await summary(
      'from=2026-11-01&to=2026-11-30&granularity=day&members=azer-allahveranov,sahib-mammadov',
    );
    const [azer, sahib] = body.memberSeries ?? [];

    expect(body.memberSeries?.map((entry) => entry.member)).toEqual(['azer-allahveranov', 'sahib-mammadov']);
    expect(azer?.series.map((point) => point.bucket)).toEqual(body.series.map((point) => point.bucket));
    expect(azer?.series.find((point) => point.bucket === '2026-11-02')?.mentions).toBe(2);
    expect(sahib?.series.find((point) => point.bucket === '2026-11-11')?.mentions).toBe(1);
    expect(sum(azer?.series ?? [])).toBe(body.totals.perMember['azer-allahveranov']);
    expect(sum(sahib?.series ?? [])).toBe(2);
  });

  it('draws an organisation and a member with no mentions, by week and by month', async () => {
    const weekly = await summary(
      'from=2026-10-01&to=2026-11-30&granularity=week&members=public-council-sms,davud-rahimli',
    );
    const monthly = await summary(
      'from=2026-10-01&to=2026-11-30&granularity=month&members=azer-allahveranov',
    );

    expect(sum(weekly.memberSeries?.[0]?.series ?? [])).toBe(1);
    expect(sum(weekly.memberSeries?.[1]?.series ?? [])).toBe(0);
    expect(monthly.memberSeries?.[0]?.series).toEqual([
      { bucket: '2026-10', mentions: 1 },
      { bucket: '2026-11', mentions: 3 },
    ]);
  });

  it('leaves the answer as before without members, and refuses a bad id or too many members', async () => {
    const plain = await summary('from=2026-11-01&to=2026-11-30');
    const bad = await api.request('/api/summary?members=Azer!', { role: 'management' });
    const many = await api.request(`/api/summary?members=${'a,b,c,d,e,f,g'}`, { role: 'management' });

    expect(plain.memberSeries).toBeUndefined();
    expect(bad.status).toBe(400);
    expect(many.status).toBe(400);
    expect(await many.text()).toContain('at most 6 members');
  });
});
