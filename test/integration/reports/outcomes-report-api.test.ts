import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putPosts } from '#shared/facebook/facebook-store.ts';
import { screenshotDir } from '../../helpers/browser.ts';
import { startTestApi } from '../../helpers/local-api.ts';
import { type SeedArticle, seedArticles } from '../../helpers/seed-mentions.ts';

let api: Awaited<ReturnType<typeof startTestApi>>;
const period = 'from=2026-07-01&to=2026-09-30';

/** Mentions spread over a quarter, several outlets and languages, one story carried by three outlets. */
function quarterArticles(): SeedArticle[] {
  const outlets = ['apa', 'report', 'trend', 'oxu'];
  const articles: SeedArticle[] = [];
  for (let index = 0; index < 23; index++) {
    const month = 7 + (index % 3);
    const day = 1 + ((index * 5) % 28);
    articles.push({
      outletId: outlets[index % outlets.length] as string,
      title: `Azər Allahverənov miqrasiya siyasəti haqqında ${index}`,
      published: `2026-0${month}-${String(day).padStart(2, '0')}T08:00:00Z`,
      language: index % 4 === 0 ? 'ru' : 'az',
      entities: [
        { id: 'azer-allahveranov', surface: 'Azər Allahverənov' },
        ...(index % 3 === 0 ? [{ id: 'sahib-mammadov', surface: 'Sahib' }] : []),
      ],
      ...(index < 3 ? { storyKey: 'story-language-courses' } : {}),
    });
  }
  // Outside the quarter: must count nowhere.
  articles.push({
    outletId: 'apa',
    title: 'Azər Allahverənov oktyabrda',
    published: '2026-10-02T08:00:00Z',
    entities: [{ id: 'azer-allahveranov' }],
  });
  return articles;
}

const events = [
  {
    date: '2026-07-10',
    type: 'course',
    title: 'Azərbaycan dili kursu',
    members: [],
    beneficiaries: 100,
    figures: [{ label: 'refugees enrolled', value: 100 }],
  },
  {
    date: '2026-08-20',
    type: 'course',
    title: 'Azərbaycan dili kursu, ikinci qrup',
    members: [],
    beneficiaries: 57,
    figures: [{ label: 'Refugees enrolled ', value: 57 }],
  },
  {
    date: '2026-09-05',
    type: 'aid-distribution',
    title: 'Humanitar yardım',
    members: ['azer-allahveranov'],
    beneficiaries: 500,
    participants: 12,
    figures: [{ label: 'families helped', value: 500 }],
  },
  {
    date: '2026-10-05',
    type: 'visit',
    title: 'Outside the quarter',
    members: [],
    beneficiaries: 9,
    figures: [],
  },
];

beforeAll(async () => {
  api = await startTestApi();
  await seedArticles({ db: api.table.documentClient, tableName: api.table.tableName }, quarterArticles());
  for (const event of events) {
    const response = await api.request('/api/events', {
      method: 'POST',
      role: 'pr-staff',
      body: JSON.stringify(event),
    });
    expect(response.status).toBe(201);
  }
});
afterAll(() => api.close());

async function pdfText(lang: string) {
  const response = await api.request(`/api/reports/outcomes.pdf?${period}&lang=${lang}`, {
    role: 'management',
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const data = Buffer.from(await response.arrayBuffer());
  expect(data.subarray(0, 5).toString()).toBe('%PDF-');
  const parser = new PDFParse({ data });
  const { text } = await parser.getText();
  await parser.destroy();
  return { data, text: text.replace(/\s+/g, ' ') };
}

async function summary() {
  return (await api.request(`/api/summary?${period}`, { role: 'management' })).json();
}

describe('the outcomes report as PDF', () => {
  it('carries the /api/summary figures and the events’ sums in Azerbaijani, with its letters intact', async () => {
    // Arrange
    const { totals } = await summary();
    // Act
    const { data, text } = await pdfText('az');
    // Assert
    expect(totals.mentions).toBe(31);
    expect(text).toContain(
      `Dövr ərzində Şura üzvlərinə istinad edən ${totals.mentions} material ${totals.distinctOutlets} mətbuat orqanında dərc olunub; ${totals.membersMentioned} üzv haqqında yazılıb.`,
    );
    expect(text).toContain('İctimai Şuranın fəaliyyətinin nəticələri');
    expect(text).toContain(
      'Şura ilə bağlı 3 tədbir keçirilib: 2 – kurs və ya təlim, 1 – yardımın paylanması.',
    );
    expect(text).toContain('Tədbirlərdən 657 nəfər faydalanıb.');
    expect(text).toContain('refugees enrolled: 157');
    expect(text).toContain('families helped: 500');
    expect(text).toContain(`Azər Allahverənov ${totals.perMember['azer-allahveranov']}`);
    expect(text).toContain(`Sahib Məmmədov ${totals.perMember['sahib-mammadov']}`);
    expect(text).not.toContain('Outside the quarter');
    for (const letter of ['ə', 'ğ', 'ı', 'İ', 'ş']) expect(text).toContain(letter);
    // The first page as PNG, rendered from the PDF itself.
    const parser = new PDFParse({ data });
    const shot = await parser.getScreenshot({ partial: [1], scale: 1.5, imageBuffer: true });
    await parser.destroy();
    await mkdir(screenshotDir, { recursive: true });
    await writeFile(
      join(screenshotDir, 'outcomes-pdf-az-page1.png'),
      shot.pages[0]?.data ?? new Uint8Array(),
    );
    expect(shot.pages[0]?.data.length).toBeGreaterThan(10_000);
  });

  it('writes the same figures in Russian', async () => {
    // Arrange
    const { totals } = await summary();
    // Act
    const { text } = await pdfText('ru');
    // Assert
    expect(text).toContain(
      `За отчётный период опубликовано материалов со ссылкой на членов совета: ${totals.mentions}, в СМИ: ${totals.distinctOutlets}; упомянуто членов совета: ${totals.membersMentioned}.`,
    );
    expect(text).toContain('Итоги деятельности Общественного совета');
    expect(text).toContain('Помощь и услуги получили: 657 человек.');
    expect(text).toContain(`Азер Аллахверанов ${totals.perMember['azer-allahveranov']}`);
  });

  it('answers the dashboard’s JSON with the same totals and the story carried by three outlets first', async () => {
    // Arrange
    const { totals } = await summary();
    // Act
    const report = await (
      await api.request(`/api/reports/outcomes?${period}&lang=en`, { role: 'management' })
    ).json();
    // Assert
    expect(report.summary.totals).toEqual(totals);
    expect(report.sentences[0]).toBe(
      `In the period, ${totals.mentions} materials referring to council members were published in ${totals.distinctOutlets} press agencies; ${totals.membersMentioned} members were written about.`,
    );
    expect(report.stories[0].outlets).toHaveLength(3);
    expect(report.eventTotals).toMatchObject({ count: 3, beneficiaries: 657, participants: 12 });
    expect(report.eventTypes.map((t: { type: string; count: number }) => [t.type, t.count])).toEqual([
      ['course', 2],
      ['aid-distribution', 1],
    ]);
    expect(report.facebook).toBeNull();
  });

  it('carries the Facebook page’s figures when a page is configured, as /api/facebook/summary gives them', async () => {
    // Arrange
    api.deps.facebookPageId = 'council-page';
    const post = (id: string, created: string, reactions: number) => ({
      id,
      created,
      day: created.slice(0, 10),
      text: `Post ${id}`,
      permalink: null,
      reactions,
      comments: 1,
      shares: 0,
      members: [],
      refreshedAt: created,
    });
    await putPosts({ db: api.table.documentClient, tableName: api.table.tableName }, 'council-page', [
      post('p1', '2026-07-02T08:00:00Z', 10),
      post('p2', '2026-08-15T08:00:00Z', 4),
      post('p3', '2026-10-15T08:00:00Z', 99),
    ]);
    try {
      // Act
      const facebook = await (
        await api.request(`/api/facebook/summary?${period}`, { role: 'management' })
      ).json();
      const report = await (
        await api.request(`/api/reports/outcomes?${period}&lang=en`, { role: 'management' })
      ).json();
      const { text } = await pdfText('en');
      // Assert
      expect(facebook.posts).toBe(2);
      expect(report.facebook).toEqual(facebook);
      expect(report.sentences.at(-1)).toBe(`The Council's Facebook page published ${facebook.posts} posts.`);
      expect(text).toContain('Facebook page');
    } finally {
      api.deps.facebookPageId = undefined;
    }
  });

  it('refuses an unknown language and an anonymous caller', async () => {
    // Act
    const badLanguage = await api.request(`/api/reports/outcomes.pdf?${period}&lang=de`, {
      role: 'management',
    });
    const anonymous = await api.request(`/api/reports/outcomes.pdf?${period}`);
    // Assert
    expect((await badLanguage.json()).error.message).toBe('lang: must be one of az, en, ru');
    expect(anonymous.status).toBe(401);
  });
});
