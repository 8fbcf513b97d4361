// The Graph API stand-in's sample page: 120 days of posts in Azerbaijani, English and Russian, some
// naming council members from the roster, and daily insight values. Deterministic for a given day,
// so a restarted demo shows the same page.
import type { Roster } from '#shared/config/roster.ts';
import { addDays, bakuDayStart } from '#shared/time/baku-calendar.ts';

/** A post the stand-in serves. */
export interface SimulatedPost {
  id: string;
  created_time: string;
  message: string;
  reactions: number;
  comments: number;
  shares: number;
}

/** The stand-in's data: posts newest first, and insight values by day then metric. */
export interface SimulatedPage {
  name: string;
  followers: number;
  fans: number;
  posts: SimulatedPost[];
  insights: Map<string, Record<string, number>>;
}

const templates: Record<'az' | 'en' | 'ru', Array<(name: string) => string>> = {
  az: [
    (name) => `İctimai Şuranın növbəti iclası keçirildi.\n${name} miqrantların hüquqları barədə çıxış etdi.`,
    (name) => `${name} Bakıda miqrasiya məsələlərinə dair dəyirmi masada iştirak etdi.`,
    () => 'Dövlət Miqrasiya Xidməti yanında İctimai Şura vətəndaşları qəbul etdi.',
  ],
  en: [
    (name) => `The Public Council held its monthly meeting.\n${name} spoke about the rights of migrants.`,
    (name) => `${name} joined a round table on labour migration in Baku.`,
    () => 'Public Council members answered citizens’ questions on residence permits.',
  ],
  ru: [
    (name) => `Состоялось очередное заседание Общественного совета.\n${name} рассказал о правах мигрантов.`,
    (name) => `${name} принял участие в круглом столе по трудовой миграции.`,
    () => 'Общественный совет при Государственной миграционной службе провёл приём граждан.',
  ],
};

/** A small seeded generator (mulberry32), so the same day yields the same page. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The sample page for the `days` Baku days ending with `lastDay`. */
export function demoPage(roster: Roster, lastDay: string, days = 120): SimulatedPage {
  const next = random(Number(lastDay.replaceAll('-', '')));
  const languages = ['az', 'en', 'ru'] as const;
  const people = roster.people;
  const posts: SimulatedPost[] = [];
  const insights = new Map<string, Record<string, number>>();
  let followers = 4800;
  for (let offset = days - 1; offset >= 0; offset--) {
    const day = addDays(lastDay, -offset);
    const count = Math.floor(next() * 3); // 0, 1 or 2 posts a day
    let engagement = 0;
    for (let index = 0; index < count; index++) {
      const language = languages[(posts.length + index) % 3] as (typeof languages)[number];
      const person = people[Math.floor(next() * people.length)];
      const name = person?.names[language] ?? person?.names.en ?? '';
      const template = templates[language][Math.floor(next() * 3)] as (name: string) => string;
      const post: SimulatedPost = {
        id: `100000000000001_${day.replaceAll('-', '')}${index}`,
        // Between 09:00 and 21:00 Baku time.
        created_time: new Date(Date.parse(bakuDayStart(day)) + (9 + Math.floor(next() * 12)) * 3_600_000)
          .toISOString()
          .replace('.000Z', '+0000'),
        message: template(name),
        reactions: 5 + Math.floor(next() * 120),
        comments: Math.floor(next() * 25),
        shares: Math.floor(next() * 15),
      };
      engagement += post.reactions + post.comments + post.shares;
      posts.push(post);
    }
    const follows = Math.floor(next() * 9);
    followers += follows;
    const views = 300 + Math.floor(next() * 1200) + engagement * 3;
    insights.set(day, {
      page_media_view: views,
      page_total_media_view_unique: Math.round(views * 0.62),
      page_follows: followers,
      page_post_engagements: engagement,
      page_daily_follows_unique: follows,
    });
  }
  posts.sort((a, b) => b.created_time.localeCompare(a.created_time));
  return { name: 'İctimai Şura / Public Council', followers, fans: followers - 212, posts, insights };
}
