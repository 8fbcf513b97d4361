// Puts a week's digest into one reader's words: their language, the members they follow, stories cut
// to what an e-mail can hold (with a count and a link for the rest). Both renderers lay out this view,
// so the HTML and plain-text parts always say the same. Strings here are raw; renderers escape them.
import type { DigestLanguage } from '../config/digest-recipients.ts';
import type { Roster } from '../config/roster.ts';
import { bakuDay } from '../time/baku-calendar.ts';
import type { DigestContent } from './digest-content.ts';
import { facebookSection } from './digest-facebook-view.ts';
import { type DigestWords, digestWords } from './digest-i18n.ts';

/** Stories listed per member, and in the whole e-mail; the rest is counted and linked. */
export const storiesPerMember = 5;
export const storiesPerDigest = 30;

/** One line of a story: title, link, date and the outlets that carried it. */
export interface StoryLine {
  title: string;
  url: string | null;
  date: string;
  reach: string;
  outlets: Array<{ name: string; url: string | null }>;
}

/** A digest ready to lay out. */
export interface DigestView {
  language: DigestLanguage;
  subject: string;
  title: string;
  dates: string;
  empty: boolean;
  headline: { mentions: string; outlets: string; change: string };
  perMember: { heading: string; rows: Array<{ label: string; value: string; share: number }> };
  members: Array<{ name: string; count: string; stories: StoryLine[]; more: string | null }>;
  notes: string[];
  topOutlets: { heading: string; rows: Array<{ label: string; value: string; share: number }> };
  facebook: { heading: string; rows: Array<{ label: string; value: string }>; none: string | null } | null;
  review: { heading: string; lines: string[] };
  feedHealth: { heading: string; lines: string[] };
  dashboard: { label: string; url: string };
  footer: string;
  words: DigestWords;
}

/** Options of one reader. */
export interface ViewOptions {
  language: DigestLanguage;
  /** The member ids the reader follows; everyone when absent. */
  members?: string[];
  roster: Roster;
}

/** Builds the view of `content` for one reader. */
export function digestView(content: DigestContent, options: ViewOptions): DigestView {
  const words = digestWords(options.language);
  const p = words.phrases;
  const follows = (id: string) => !options.members || options.members.includes(id);
  const name = memberNamer(options.roster, options.language);
  const dates = words.days(content.from, content.to);
  const perEntity = content.perEntity.filter((row) => follows(row.entityId));
  const top = Math.max(1, ...perEntity.map((row) => row.count));
  const topOutlet = Math.max(1, ...content.topOutlets.map((row) => row.count));
  const members = listedMembers(content, follows, name, words);
  const notes: string[] = [];
  if (content.totals.mentions === 0) notes.push(p.emptyWeek);
  else if (members.length === 0) notes.push(p.notFollowed);
  if (content.listTruncated) notes.push(p.listCut);
  return {
    language: options.language,
    subject: words.say(p.subject, {
      week: content.week,
      dates,
      mentions: words.count(p.mentions, content.totals.mentions),
      outlets: words.count(p.outlets, content.totals.distinctOutlets),
    }),
    title: p.title,
    dates: `${content.week} · ${dates}`,
    empty: content.totals.mentions === 0,
    headline: {
      mentions: words.count(p.mentions, content.totals.mentions),
      outlets: words.count(p.outlets, content.totals.distinctOutlets),
      change: changeText(content.totals.mentions, content.previous.mentions, words),
    },
    perMember: {
      heading: p.perMember,
      rows: perEntity.map((row) => ({
        label: name(row.entityId),
        value: words.number(row.count),
        share: row.count / top,
      })),
    },
    members,
    notes,
    topOutlets: {
      heading: p.topOutlets,
      rows: content.topOutlets.map((row) => ({
        label: row.name,
        value: words.number(row.count),
        share: row.count / topOutlet,
      })),
    },
    facebook: facebookSection(content, words),
    review: {
      heading: p.review,
      lines: [
        ...(content.pendingLeads !== undefined ? [words.count(p.leads, content.pendingLeads)] : []),
        words.count(p.unreviewed, content.unreviewed),
      ],
    },
    feedHealth: {
      heading: p.feedHealth,
      lines:
        content.failingSources.length === 0
          ? [p.allSourcesWell]
          : content.failingSources.map(
              (source) =>
                `${source.outletName} (${source.url}): ${source.errorKind}, ${
                  source.lastSuccessAt
                    ? words.say(p.failingSince, { date: words.day(bakuDay(source.lastSuccessAt)) })
                    : p.neverSucceeded
                }`,
            ),
    },
    dashboard: { label: p.openDashboard, url: content.dashboardUrl },
    footer: words.say(p.footer, { dates }),
    words,
  };
}

function listedMembers(
  content: DigestContent,
  follows: (id: string) => boolean,
  name: (id: string) => string,
  words: DigestWords,
): DigestView['members'] {
  const counts = new Map(content.perEntity.map((row) => [row.entityId, row.count]));
  const ordered = content.stories
    .filter((group) => follows(group.entityId))
    .sort((a, b) => (counts.get(b.entityId) ?? 0) - (counts.get(a.entityId) ?? 0));
  let room = storiesPerDigest;
  return ordered.map((group) => {
    const shown = group.stories.slice(0, Math.max(0, Math.min(storiesPerMember, room)));
    room -= shown.length;
    const hidden = group.stories.length - shown.length;
    return {
      name: name(group.entityId),
      count: words.count(words.phrases.mentions, counts.get(group.entityId) ?? 0),
      stories: shown.map((story) => ({
        title: story.title,
        url: story.url,
        date: words.day(bakuDay(story.published)),
        reach: words.say(words.phrases.storyLine, {
          stories: words.count(words.phrases.stories, 1),
          outlets: words.count(words.phrases.outlets, story.outlets.length),
        }),
        outlets: story.outlets.map((outlet) => ({ name: outlet.name, url: outlet.url })),
      })),
      more: hidden > 0 ? words.count(words.phrases.moreStories, hidden) : null,
    };
  });
}

function changeText(now: number, before: number, words: DigestWords): string {
  const p = words.phrases;
  if (now === before) return p.noChange;
  if (before === 0) return p.firstWeek;
  const difference = now - before;
  return words.say(p.change, {
    sign: difference > 0 ? '+' : '−',
    n: words.number(Math.abs(difference)),
    percent: words.percent(Math.abs(difference) / before),
  });
}

/** A member's name in the reader's language, else in any language the roster has, else the id. */
function memberNamer(roster: Roster, language: DigestLanguage): (id: string) => string {
  const entries = new Map(
    [...roster.people, ...roster.organisations].map((entry) => [entry.id, entry.names]),
  );
  return (id) => {
    const names = entries.get(id);
    return names?.[language] ?? names?.en ?? names?.az ?? names?.ru ?? id;
  };
}
