// Realistic coverage for the browser tests: Azerbaijani, Russian and English articles around "today"
// in Baku, one hostile title, and feed states with one flagged source.
import type { Article, Mention } from '#shared/domain/mention.ts';
import { articleIdOf } from '#shared/ingest/article-id.ts';
import { type NewMention, recordArticle } from '#shared/store/article-writes.ts';
import { dynamoFeedStateStore } from '#shared/store/feed-state-store.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';

/** Today in Baku, the day the seed is laid out around. */
export const today = bakuDay(new Date());
/** The custom period the tests pick: four weeks ending today. */
export const period = { from: addDays(today, -27), to: today };

export const hostileTitle = '<script>window.__pwned=1</script>Azər Allahverənov';

interface SeedMention {
  entityId: string;
  entityKind?: Mention['entityKind'];
  /** The name as written in the snippet; its offsets become the highlight. */
  surface: string;
}

interface SeedArticle {
  outletId: string;
  outletName: string;
  language: 'az' | 'ru' | 'en';
  daysAgo: number;
  title: string;
  text: string;
  url: string | null;
  mentions: SeedMention[];
}

/** Every seeded article; the tests derive their expected figures from this list. */
export const seedArticles: SeedArticle[] = [
  {
    outletId: 'apa',
    outletName: 'APA',
    language: 'az',
    daysAgo: 1,
    title: 'İctimai Şura miqrantların inteqrasiyası məsələlərini müzakirə edib',
    text: 'Dövlət Miqrasiya Xidməti yanında İctimai Şuranın sədri Azər Allahverənov bildirib ki, miqrantların inteqrasiyası üçün yeni təkliflər hazırlanır.',
    url: 'https://apa.az/social/ictimai-sura-miqrantlar-1',
    mentions: [
      { entityId: 'azer-allahveranov', surface: 'Azər Allahverənov' },
      {
        entityId: 'public-council-sms',
        entityKind: 'organisation',
        surface: 'Dövlət Miqrasiya Xidməti yanında İctimai Şura',
      },
    ],
  },
  {
    outletId: 'report',
    outletName: 'Report.az',
    language: 'en',
    daysAgo: 2,
    title: 'Public Council chairman meets migrant rights groups in Baku',
    text: 'Azer Allahveranov, chairman of the Public Council, said the council would monitor the new residence permit rules.',
    url: 'https://report.az/en/society/public-council-chairman-meets-migrant-rights-groups',
    mentions: [{ entityId: 'azer-allahveranov', surface: 'Azer Allahveranov' }],
  },
  {
    outletId: 'qafqazinfo',
    outletName: 'Qafqazinfo',
    language: 'az',
    daysAgo: 3,
    title: hostileTitle,
    text: 'Azər Allahverənov vətəndaşların qəbulunu keçirib.',
    // A feed may carry any scheme; the dashboard must not turn this into a link.
    url: 'javascript:window.__pwned=2',
    mentions: [{ entityId: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
  },
  {
    outletId: 'trend',
    outletName: 'Trend',
    language: 'az',
    daysAgo: 5,
    title: 'Sahib Məmmədov: “Əmək miqrantlarının hüquqları qorunmalıdır”',
    text: 'İctimai Şuranın üzvü Sahib Məmmədov əmək miqrantlarının hüquqlarının müdafiəsi ilə bağlı çıxış edib.',
    url: 'https://az.trend.az/azerbaijan/society/sahib-memmedov-emek-miqrantlari',
    mentions: [{ entityId: 'sahib-mammadov', surface: 'Sahib Məmmədov' }],
  },
  {
    outletId: 'haqqin',
    outletName: 'Haqqin.az',
    language: 'ru',
    daysAgo: 8,
    title: 'Давуд Рагимли принял участие в мониторинге центра размещения',
    text: 'Наблюдатель Общественного совета Давуд Рагимли посетил центр временного размещения мигрантов.',
    url: 'https://haqqin.az/news/davud-ragimli-monitoring',
    mentions: [{ entityId: 'davud-rahimli', surface: 'Давуд Рагимли' }],
  },
  {
    outletId: 'minval',
    outletName: 'Minval.az',
    language: 'ru',
    daysAgo: 10,
    title: 'Члены Общественного совета обсудили вопросы гражданства',
    text: 'В заседании участвовали член Общественного совета Сахиб Мамедов и наблюдатель Ильгар Оруджев.',
    url: 'https://minval.az/news/obshchestvennyy-sovet-grazhdanstvo',
    mentions: [
      { entityId: 'sahib-mammadov', surface: 'Сахиб Мамедов' },
      { entityId: 'ilgar-orujov', surface: 'Ильгар Оруджев' },
    ],
  },
  // The previous period (28 days before the tested one).
  {
    outletId: 'apa',
    outletName: 'APA',
    language: 'az',
    daysAgo: 35,
    title: 'Azər Allahverənov Miqrasiya Məcəlləsinə dəyişikliklərdən danışıb',
    text: 'İctimai Şuranın sədri Azər Allahverənov Miqrasiya Məcəlləsinə edilən dəyişiklikləri şərh edib.',
    url: 'https://apa.az/social/allahveranov-mecelle',
    mentions: [{ entityId: 'azer-allahveranov', surface: 'Azər Allahverənov' }],
  },
  {
    outletId: 'news-az',
    outletName: 'News.az',
    language: 'en',
    daysAgo: 40,
    title: 'Deputy chief of the State Migration Service addresses the Public Council',
    text: 'Parviz Musayev, deputy chief of the State Migration Service, presented the annual report.',
    url: 'https://news.az/news/parviz-musayev-public-council',
    mentions: [{ entityId: 'parviz-musayev', surface: 'Parviz Musayev' }],
  },
];

/** The Baku day an article was published on. */
export function seedDay(article: SeedArticle): string {
  return addDays(today, -article.daysAgo);
}

/** Figures the summary should show for a period, computed from the seed itself. */
export function expectedTotals(from: string, to: string) {
  const inside = seedArticles.filter((article) => seedDay(article) >= from && seedDay(article) <= to);
  const mentions = inside.flatMap((article) => article.mentions);
  return {
    mentions: mentions.length,
    distinctOutlets: new Set(inside.map((article) => article.outletId)).size,
    membersMentioned: new Set(
      mentions.filter((m) => (m.entityKind ?? 'person') === 'person').map((m) => m.entityId),
    ).size,
  };
}

/** Writes the articles through the poller's own transaction, and two feed states. */
export async function seedDashboard(
  table: TableContext,
  feedSources: Array<{ sourceId: string; outletId: string; url: string }>,
) {
  for (const seed of seedArticles) {
    // 09:00 in Baku (UTC+4) on the article's day.
    const published = `${seedDay(seed)}T05:00:00.000Z`;
    const article: Article = {
      articleId: articleIdOf(seed.outletId, seed.url ?? seed.title),
      outletId: seed.outletId,
      outletName: seed.outletName,
      url: seed.url,
      title: seed.title,
      language: seed.language,
      published,
      firstSeenAt: published,
    };
    const mentions: NewMention[] = seed.mentions.map((mention) => {
      const start = seed.text.indexOf(mention.surface);
      if (start < 0) throw new Error(`seed: "${mention.surface}" is not in the text of "${seed.title}"`);
      const end = start + mention.surface.length;
      return {
        entityId: mention.entityId,
        entityKind: mention.entityKind ?? 'person',
        snippet: { text: seed.text, highlights: [[start, end]] },
        spans: [{ field: 'text', start, end, surface: mention.surface }],
        // Every seeded name is written in full, as the matcher would record it.
        evidence: 'full-name',
      };
    });
    await recordArticle(table, article, mentions);
  }
  const [healthy, failing] = feedSources;
  const store = dynamoFeedStateStore(table);
  const now = new Date();
  if (healthy) {
    await store.save({ ...healthy, consecutiveFailures: 0, itemsSeen: 40, lastSuccessAt: now.toISOString() });
  }
  if (failing) {
    await store.save({
      ...failing,
      consecutiveFailures: 7,
      itemsSeen: 0,
      lastError: {
        kind: 'http-status',
        message: 'HTTP 503 <b>Service Unavailable</b>',
        at: now.toISOString(),
      },
    });
  }
}
