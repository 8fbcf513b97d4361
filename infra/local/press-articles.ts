// Articles of the simulated press, written by us in az, ru and en: the demo's quarter of coverage
// (spread over the last 120 days, naming every roster member) and the benchmark's fixed feeds.
import type { Roster } from '#shared/config/roster.ts';

/** A language the simulated outlets write in. */
export type Lang = 'az' | 'ru' | 'en';

/** A roster member as the simulated press names it: its id and its name in each language. */
export interface PressMember {
  id: string;
  names: Partial<Record<Lang, string>>;
}

/** One simulated article. */
export interface PressArticle {
  /** The same for the same article on every run, whatever port the simulator listens on. */
  guid: string;
  id: number;
  lang: Lang;
  title: string;
  body: string;
  published: Date;
  /** The roster member it names, if any. */
  memberId?: string;
}

const templates: Record<Lang, { title: (who: string) => string; body: (who: string) => string }[]> = {
  az: [
    {
      title: (w) => `${w} miqrantların hüquqları mövzusunda dəyirmi masada çıxış edib`,
      body: (w) =>
        `Bakıda keçirilən dəyirmi masada ${w} əmək miqrantlarının hüquqlarının müdafiəsi ilə bağlı təkliflər səsləndirib. Tədbirdə qeyri-hökumət təşkilatlarının nümayəndələri də iştirak ediblər.`,
    },
    {
      title: (w) => `${w}: “Vətəndaşlığa qəbul prosedurları sadələşir”`,
      body: (w) =>
        `${w} bildirib ki, vətəndaşlığa qəbul üzrə müraciətlərə baxılma müddəti qısaldılıb və elektron xidmətlər genişləndirilib.`,
    },
  ],
  ru: [
    {
      title: (w) => `${w} провёл встречу с представителями НПО`,
      body: (w) =>
        `На встрече, прошедшей в Баку, ${w} обсудил с представителями неправительственных организаций вопросы защиты прав трудовых мигрантов.`,
    },
    {
      title: (w) => `${w}: электронные услуги для иностранцев расширяются`,
      body: (w) =>
        `По словам ${w}, иностранцы теперь могут продлить временное пребывание онлайн, не посещая региональные управления.`,
    },
  ],
  en: [
    {
      title: (w) => `${w} hosts a roundtable on labour migration`,
      body: (w) =>
        `At a roundtable in Baku, ${w} discussed proposals for protecting the rights of labour migrants with civil society representatives.`,
    },
    {
      title: (w) => `${w} presents the annual report on public monitoring`,
      body: (w) =>
        `${w} presented the annual report, noting more than 200 press publications and dozens of monitoring visits during the year.`,
    },
  ],
};
const fillers: Record<Lang, string[]> = {
  az: [
    'Bakıda yeni park salınıb',
    'Hava şəraiti ilə bağlı xəbərdarlıq edilib',
    'Futbol üzrə çempionatda növbəti tur keçirilib',
  ],
  ru: [
    'В Баку открылся новый парк',
    'Синоптики предупредили о сильном ветре',
    'Состоялся очередной тур чемпионата',
  ],
  en: [
    'A new park opens in Baku',
    'Forecasters warn of strong winds',
    'Another round of the league is played',
  ],
};

/** The roster's people and organisations as the simulated press names them. */
export function pressMembers(roster: Roster): PressMember[] {
  return [...roster.people, ...roster.organisations].map(({ id, names }) => ({ id, names }));
}

/** A number in [0, 1) fixed by its inputs (a 32-bit integer hash), so the demo is the same on every run. */
export function seeded(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return (h >>> 0) / 2 ** 32;
}

const week = 7 * 86_400_000;

/**
 * Article n of a demo outlet, published at `epoch + n * everyMs` plus a seeded share of `everyMs`.
 * Every third article names a member in turn, so any run of 3 × members articles names them all; in
 * a busy week (seeded per week) more of the rest name someone too, so the chart has peaks and lulls.
 * Nothing depends on the port or the clock, so a restarted simulator serves the same articles again.
 */
export function demoArticle(
  outlet: number,
  n: number,
  lang: Lang,
  members: PressMember[],
  epoch: number,
  everyMs: number,
): PressArticle {
  const published = new Date(epoch + n * everyMs + Math.floor(seeded(outlet, n, 1) * everyMs));
  const busy = 0.6 * seeded(Math.floor(published.getTime() / week), 2) ** 2;
  const turn = n % 3 === 0 ? (n / 3 + outlet) % Math.max(members.length, 1) : undefined;
  const pick =
    turn ?? (seeded(outlet, n, 3) < busy ? Math.floor(seeded(outlet, n, 4) * members.length) : undefined);
  return writeArticle(outlet, n, lang, published, pick === undefined ? undefined : members[pick], 'demo');
}

/** Article n of a benchmark origin: every third names one of `names` in `lang`, one an hour from `epoch`. */
export function benchArticle(outlet: number, n: number, names: string[], epoch: number): PressArticle {
  const published = new Date(epoch + n * 3_600_000);
  const who = names[(outlet + n) % names.length];
  const member = n % 3 === 0 && who ? { id: who, names: { en: who } } : undefined;
  return writeArticle(outlet, n, 'en', published, member, 'bench');
}

function writeArticle(
  outlet: number,
  n: number,
  lang: Lang,
  published: Date,
  member: PressMember | undefined,
  prefix: string,
): PressArticle {
  const guid = `urn:${prefix}:${outlet + 1}:${n}`;
  const who = member && (member.names[lang] ?? member.names.en ?? member.names.az ?? member.names.ru);
  const template = templates[lang][(outlet + n) % 2];
  if (member && who && template) {
    const body = template.body(who);
    return { guid, id: n, lang, title: template.title(who), body, published, memberId: member.id };
  }
  const title = fillers[lang][(outlet + n) % 3] ?? 'News';
  return { guid, id: n, lang, title: `${title} (${n})`, body: `${title}. ${title}.`, published };
}
