// The outcomes report's words in Azerbaijani, English and Russian: headings, event types and the
// opening sentences. Sentences are templates filled with the report's own figures only, in the
// manner of the council's published report ("material was published in more than 200 press agencies
// referring to the Council members"), never with text from outside.
import type { EventType } from '../domain/outreach-event.ts';

/** A report language. */
export type ReportLanguage = 'az' | 'en' | 'ru';

/** The figures the opening sentences are written from. */
export interface SentenceFigures {
  mentions: number;
  outlets: number;
  members: number;
  events: number;
  /** Events by type, in the order they are listed. */
  byType: Array<{ type: EventType; count: number }>;
  beneficiaries: number;
  coverage: number;
  facebookPosts: number | null;
}

interface Words {
  title: string;
  period: (from: string, to: string) => string;
  headings: Record<
    'overview' | 'members' | 'outlets' | 'languages' | 'trend' | 'stories' | 'facebook' | 'events' | 'byType',
    string
  >;
  columns: Record<
    | 'member'
    | 'outlet'
    | 'language'
    | 'mentions'
    | 'story'
    | 'outlets'
    | 'type'
    | 'count'
    | 'participants'
    | 'beneficiaries'
    | 'figures'
    | 'coverage'
    | 'date'
    | 'event'
    | 'figure'
    | 'value',
    string
  >;
  facebook: Record<'posts' | 'engagement' | 'followers' | 'mediaViews', string>;
  types: Record<EventType, string>;
  none: string;
  sentences: (f: SentenceFigures) => string[];
}

const az: Words = {
  title: 'İctimai Şuranın fəaliyyətinin nəticələri',
  period: (from, to) => `Dövr: ${from} – ${to}`,
  headings: {
    overview: 'Ümumi baxış',
    members: 'Şura üzvləri üzrə materiallar',
    outlets: 'Ən çox yazan mətbuat orqanları',
    languages: 'Dillər',
    trend: 'Dinamika',
    stories: 'Əsas xəbərlər',
    facebook: 'Facebook səhifəsi',
    events: 'Tədbirlər',
    byType: 'Tədbirlər növlər üzrə',
  },
  columns: {
    member: 'Üzv',
    outlet: 'Mətbuat orqanı',
    language: 'Dil',
    mentions: 'Materiallar',
    story: 'Xəbər',
    outlets: 'Mətbuat orqanları',
    type: 'Növ',
    count: 'Sayı',
    participants: 'İştirakçılar',
    beneficiaries: 'Faydalananlar',
    figures: 'Göstəricilər',
    coverage: 'İşıqlandırma',
    date: 'Tarix',
    event: 'Tədbir',
    figure: 'Göstərici',
    value: 'Dəyər',
  },
  facebook: {
    posts: 'Paylaşımlar',
    engagement: 'Reaksiya, şərh və paylaşma',
    followers: 'İzləyicilər',
    mediaViews: 'Baxışlar',
  },
  types: {
    'council-meeting': 'Şura iclası',
    'round-table': 'Dəyirmi masa',
    'information-session': 'Məlumat sessiyası',
    course: 'Kurs və ya təlim',
    'aid-distribution': 'Yardımın paylanması',
    visit: 'Səfər',
    'media-appearance': 'Mediada çıxış',
    other: 'Digər',
  },
  none: 'Yoxdur',
  sentences: (f) => [
    `Dövr ərzində Şura üzvlərinə istinad edən ${f.mentions} material ${f.outlets} mətbuat orqanında dərc olunub; ${f.members} üzv haqqında yazılıb.`,
    ...(f.events > 0
      ? [
          `Şura ilə bağlı ${f.events} tədbir keçirilib: ${f.byType.map((t) => `${t.count} – ${az.types[t.type].toLocaleLowerCase('az')}`).join(', ')}.`,
        ]
      : []),
    ...(f.beneficiaries > 0 ? [`Tədbirlərdən ${f.beneficiaries} nəfər faydalanıb.`] : []),
    ...(f.coverage > 0 ? [`Tədbirlərlə bağlı ${f.coverage} material işıqlandırılıb.`] : []),
    ...(f.facebookPosts !== null ? [`Şuranın Facebook səhifəsində ${f.facebookPosts} paylaşım edilib.`] : []),
  ],
};

const en: Words = {
  title: 'Outcomes of the Public Council',
  period: (from, to) => `Period: ${from} – ${to}`,
  headings: {
    overview: 'Overview',
    members: 'Materials per council member',
    outlets: 'Top outlets',
    languages: 'Languages',
    trend: 'Trend',
    stories: 'Top stories',
    facebook: 'Facebook page',
    events: 'Outreach events',
    byType: 'Events by type',
  },
  columns: {
    member: 'Member',
    outlet: 'Outlet',
    language: 'Language',
    mentions: 'Materials',
    story: 'Story',
    outlets: 'Outlets',
    type: 'Type',
    count: 'Count',
    participants: 'Participants',
    beneficiaries: 'Beneficiaries',
    figures: 'Figures',
    coverage: 'Coverage',
    date: 'Date',
    event: 'Event',
    figure: 'Figure',
    value: 'Value',
  },
  facebook: {
    posts: 'Posts',
    engagement: 'Reactions, comments and shares',
    followers: 'Followers',
    mediaViews: 'Views',
  },
  types: {
    'council-meeting': 'Council meeting',
    'round-table': 'Round table',
    'information-session': 'Information session',
    course: 'Course or training',
    'aid-distribution': 'Aid distribution',
    visit: 'Visit',
    'media-appearance': 'Media appearance',
    other: 'Other',
  },
  none: 'None',
  sentences: (f) => [
    `In the period, ${f.mentions} materials referring to council members were published in ${f.outlets} press agencies; ${f.members} members were written about.`,
    ...(f.events > 0
      ? [
          `${f.events} events were held with the Council: ${f.byType.map((t) => `${t.count} ${en.types[t.type].toLowerCase()}`).join(', ')}.`,
        ]
      : []),
    ...(f.beneficiaries > 0 ? [`${f.beneficiaries} people benefited from the events.`] : []),
    ...(f.coverage > 0 ? [`The events were covered in ${f.coverage} materials.`] : []),
    ...(f.facebookPosts !== null ? [`The Council's Facebook page published ${f.facebookPosts} posts.`] : []),
  ],
};

const ru: Words = {
  title: 'Итоги деятельности Общественного совета',
  period: (from, to) => `Период: ${from} – ${to}`,
  headings: {
    overview: 'Обзор',
    members: 'Материалы по членам совета',
    outlets: 'Ведущие СМИ',
    languages: 'Языки',
    trend: 'Динамика',
    stories: 'Главные материалы',
    facebook: 'Страница в Facebook',
    events: 'Мероприятия',
    byType: 'Мероприятия по видам',
  },
  columns: {
    member: 'Член совета',
    outlet: 'СМИ',
    language: 'Язык',
    mentions: 'Материалы',
    story: 'Материал',
    outlets: 'СМИ',
    type: 'Вид',
    count: 'Число',
    participants: 'Участники',
    beneficiaries: 'Получатели помощи',
    figures: 'Показатели',
    coverage: 'Освещение',
    date: 'Дата',
    event: 'Мероприятие',
    figure: 'Показатель',
    value: 'Значение',
  },
  facebook: {
    posts: 'Публикации',
    engagement: 'Реакции, комментарии и репосты',
    followers: 'Подписчики',
    mediaViews: 'Просмотры',
  },
  types: {
    'council-meeting': 'Заседание совета',
    'round-table': 'Круглый стол',
    'information-session': 'Информационная сессия',
    course: 'Курс или тренинг',
    'aid-distribution': 'Раздача помощи',
    visit: 'Визит',
    'media-appearance': 'Выступление в СМИ',
    other: 'Другое',
  },
  none: 'Нет',
  sentences: (f) => [
    `За отчётный период опубликовано материалов со ссылкой на членов совета: ${f.mentions}, в СМИ: ${f.outlets}; упомянуто членов совета: ${f.members}.`,
    ...(f.events > 0
      ? [
          `При участии совета проведено мероприятий: ${f.events} (${f.byType.map((t) => `${ru.types[t.type].toLowerCase()} – ${t.count}`).join(', ')}).`,
        ]
      : []),
    ...(f.beneficiaries > 0 ? [`Помощь и услуги получили: ${f.beneficiaries} человек.`] : []),
    ...(f.coverage > 0 ? [`Мероприятия освещены в материалах: ${f.coverage}.`] : []),
    ...(f.facebookPosts !== null
      ? [`На странице совета в Facebook опубликовано постов: ${f.facebookPosts}.`]
      : []),
  ],
};

/** The report's words in one language. */
export const reportWords: Record<ReportLanguage, Words> = { az, en, ru };
