// The digest's words in Azerbaijani, English and Russian, and numbers and dates in each language's
// own format (Intl), always in Baku time.
import type { DigestLanguage } from '../config/digest-recipients.ts';

type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The phrases of one language; `{n}` and `{name}`-style slots are filled by {@link DigestWords.say}. */
interface Phrases {
  title: string;
  subject: string;
  mentions: Plural;
  outlets: Plural;
  stories: Plural;
  storyLine: string;
  change: string;
  noChange: string;
  firstWeek: string;
  perMember: string;
  newMentions: string;
  topOutlets: string;
  moreStories: Plural;
  listCut: string;
  emptyWeek: string;
  facebook: string;
  facebookNone: string;
  facebookUnavailable: string;
  fb: Record<
    | 'posts'
    | 'reactions'
    | 'comments'
    | 'shares'
    | 'engagement'
    | 'followers'
    | 'mediaViews'
    | 'uniqueMediaViewers',
    string
  >;
  review: string;
  leads: Plural;
  unreviewed: Plural;
  feedHealth: string;
  failingSince: string;
  neverSucceeded: string;
  allSourcesWell: string;
  openDashboard: string;
  notFollowed: string;
  footer: string;
}

const phrases: Record<DigestLanguage, Phrases> = {
  en: {
    title: 'Weekly press digest',
    subject: 'Press digest {week} ({dates}): {mentions}, {outlets}',
    mentions: { one: '{n} mention', other: '{n} mentions' },
    outlets: { one: '{n} outlet', other: '{n} outlets' },
    stories: { one: '{n} story', other: '{n} stories' },
    storyLine: '{stories}, {outlets}',
    change: '{sign}{n} ({percent}) on the week before',
    noChange: 'the same as the week before',
    firstWeek: 'none the week before',
    perMember: 'Mentions per member',
    newMentions: 'New mentions',
    topOutlets: 'Top outlets',
    moreStories: {
      one: '…and {n} more story on the dashboard',
      other: '…and {n} more stories on the dashboard',
    },
    listCut: 'This week held more mentions than an e-mail can list; the dashboard shows them all.',
    emptyWeek: 'No mentions were found this week.',
    facebook: 'Facebook page',
    facebookNone: 'No page activity was recorded this week.',
    facebookUnavailable: 'The page’s figures could not be read this time; the dashboard has them.',
    fb: {
      posts: 'Posts',
      reactions: 'Reactions',
      comments: 'Comments',
      shares: 'Shares',
      engagement: 'Engagement',
      followers: 'Followers',
      mediaViews: 'Views',
      uniqueMediaViewers: 'Viewers',
    },
    review: 'Waiting for review',
    leads: { one: '{n} lead waits for review', other: '{n} leads wait for review' },
    unreviewed: { one: '{n} mention not yet reviewed', other: '{n} mentions not yet reviewed' },
    feedHealth: 'Sources failing for more than a day',
    failingSince: 'last success {date}',
    neverSucceeded: 'never succeeded',
    allSourcesWell: 'Every source answered within the last day.',
    openDashboard: 'Open the week on the dashboard',
    notFollowed: 'You follow other members; they were not mentioned this week.',
    footer: 'Sent by the Public Council press tracker. Figures are those of the dashboard for {dates}.',
  },
  az: {
    title: 'Həftəlik mətbuat icmalı',
    subject: 'Mətbuat icmalı {week} ({dates}): {mentions}, {outlets}',
    mentions: { other: '{n} istinad' },
    outlets: { other: '{n} media' },
    stories: { other: '{n} xəbər' },
    storyLine: '{stories}, {outlets}',
    change: 'əvvəlki həftəyə nisbətən {sign}{n} ({percent})',
    noChange: 'əvvəlki həftə ilə eyni',
    firstWeek: 'əvvəlki həftə istinad yox idi',
    perMember: 'Üzvlər üzrə istinadlar',
    newMentions: 'Yeni istinadlar',
    topOutlets: 'Ən çox yazan media',
    moreStories: { other: '…və idarə panelində daha {n} xəbər' },
    listCut: 'Bu həftə e-poçtun siyahılaya biləcəyindən çox istinad var; hamısı idarə panelindədir.',
    emptyWeek: 'Bu həftə heç bir istinad tapılmadı.',
    facebook: 'Facebook səhifəsi',
    facebookNone: 'Bu həftə səhifədə fəaliyyət qeydə alınmayıb.',
    facebookUnavailable: 'Səhifənin rəqəmlərini bu dəfə oxumaq mümkün olmadı; onlar idarə panelindədir.',
    fb: {
      posts: 'Paylaşımlar',
      reactions: 'Reaksiyalar',
      comments: 'Şərhlər',
      shares: 'Paylaşılma',
      engagement: 'Cəlbolunma',
      followers: 'İzləyicilər',
      mediaViews: 'Baxışlar',
      uniqueMediaViewers: 'İzləyənlər',
    },
    review: 'Baxılmağı gözləyənlər',
    leads: { other: '{n} ehtimal olunan istinad baxılmağı gözləyir' },
    unreviewed: { other: '{n} istinada hələ baxılmayıb' },
    feedHealth: 'Bir gündən çox işləməyən mənbələr',
    failingSince: 'son uğurlu sorğu {date}',
    neverSucceeded: 'heç vaxt cavab verməyib',
    allSourcesWell: 'Bütün mənbələr son gün ərzində cavab verib.',
    openDashboard: 'Həftəni idarə panelində açın',
    notFollowed: 'İzlədiyiniz üzvlər bu həftə xatırlanmayıb.',
    footer:
      'İctimai Şuranın mətbuat izləyicisi göndərib. Rəqəmlər idarə panelinin {dates} üçün rəqəmləridir.',
  },
  ru: {
    title: 'Еженедельный обзор прессы',
    subject: 'Обзор прессы {week} ({dates}): {mentions}, {outlets}',
    mentions: {
      one: '{n} упоминание',
      few: '{n} упоминания',
      many: '{n} упоминаний',
      other: '{n} упоминания',
    },
    outlets: { one: '{n} СМИ', other: '{n} СМИ' },
    stories: { one: '{n} материал', few: '{n} материала', many: '{n} материалов', other: '{n} материала' },
    storyLine: '{stories}, {outlets}',
    change: '{sign}{n} ({percent}) к предыдущей неделе',
    noChange: 'столько же, сколько неделей раньше',
    firstWeek: 'неделей раньше упоминаний не было',
    perMember: 'Упоминания по членам совета',
    newMentions: 'Новые упоминания',
    topOutlets: 'Ведущие СМИ',
    moreStories: {
      one: '…и ещё {n} материал на панели',
      few: '…и ещё {n} материала на панели',
      many: '…и ещё {n} материалов на панели',
      other: '…и ещё {n} материала на панели',
    },
    listCut: 'За неделю упоминаний больше, чем помещается в письмо; все они есть на панели.',
    emptyWeek: 'На этой неделе упоминаний не найдено.',
    facebook: 'Страница в Facebook',
    facebookNone: 'Активности страницы за неделю не зафиксировано.',
    facebookUnavailable: 'Цифры страницы сейчас прочитать не удалось; они есть на панели.',
    fb: {
      posts: 'Публикации',
      reactions: 'Реакции',
      comments: 'Комментарии',
      shares: 'Репосты',
      engagement: 'Вовлечённость',
      followers: 'Подписчики',
      mediaViews: 'Просмотры',
      uniqueMediaViewers: 'Зрители',
    },
    review: 'Ждут проверки',
    leads: {
      one: '{n} находка ждёт проверки',
      few: '{n} находки ждут проверки',
      many: '{n} находок ждут проверки',
      other: '{n} находки ждут проверки',
    },
    unreviewed: {
      one: '{n} упоминание ещё не проверено',
      few: '{n} упоминания ещё не проверены',
      many: '{n} упоминаний ещё не проверены',
      other: '{n} упоминания ещё не проверены',
    },
    feedHealth: 'Источники, не отвечающие больше суток',
    failingSince: 'последний успех {date}',
    neverSucceeded: 'ни разу не ответил',
    allSourcesWell: 'Все источники отвечали в течение последних суток.',
    openDashboard: 'Открыть неделю на панели',
    notFollowed: 'Члены совета, за которыми вы следите, на этой неделе не упоминались.',
    footer: 'Отправлено трекером прессы Общественного совета. Цифры совпадают с панелью за {dates}.',
  },
};

/** Locale tags for Intl; Azerbaijani is written in Latin script. */
const locales: Record<DigestLanguage, string> = { az: 'az-Latn', en: 'en-GB', ru: 'ru' };

/** Words, numbers and dates of one language. */
export interface DigestWords {
  language: DigestLanguage;
  phrases: Phrases;
  /** Fills a phrase's `{slot}`s. */
  say(phrase: string, values?: Record<string, string | number>): string;
  /** Picks the plural form for `n` and fills `{n}` with the formatted number. */
  count(plural: Plural, n: number): string;
  number(n: number): string;
  percent(ratio: number): string;
  /** A Baku calendar day, e.g. "23 noyabr 2026". */
  day(day: string): string;
  /** A span of Baku days, e.g. "23–29 Nov 2026". */
  days(from: string, to: string): string;
}

/** The words of a language. */
export function digestWords(language: DigestLanguage): DigestWords {
  const locale = locales[language];
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const plurals = new Intl.PluralRules(locale);
  // Days are calendar days already reckoned in Baku; format them at UTC noon so no zone shifts them.
  const dates = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const short = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  const say = (phrase: string, values: Record<string, string | number> = {}) =>
    phrase.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
  return {
    language,
    phrases: phrases[language],
    say,
    count: (plural, n) => say(plural[plurals.select(n)] ?? plural.other, { n: numbers.format(n) }),
    number: (n) => numbers.format(n),
    percent: (ratio) => percents.format(ratio),
    day: (day) => dates.format(noon(day)),
    days: (from, to) => short.formatRange(noon(from), noon(to)),
  };
}
