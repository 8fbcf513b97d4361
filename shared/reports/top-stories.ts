// The period's top stories across members and outlets: mentions grouped by story key (else by
// article), ranked by how many outlets carried them. Read through the month index, a page at a time,
// up to a bound, so a long period costs a known number of reads.
import type { Mention } from '../domain/mention.ts';
import { listMentions } from '../store/mention-list.ts';
import type { TableContext } from '../store/table-context.ts';
import { firstPublished, groupByStory } from './story-groups.ts';

/** One story: the earliest article's title and link, the outlets that ran it and the members named. */
export interface TopStory {
  title: string;
  url: string | null;
  published: string;
  outlets: string[];
  members: string[];
}

/** Mentions read at most for the story ranking; beyond it the ranking covers the newest ones. */
export const storyReadLimit = 5000;

/** Reads the mentions of the period (instants, `to` exclusive) and returns its `count` top stories. */
export async function readTopStories(table: TableContext, from: string, to: string, count: number) {
  const mentions: Mention[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMentions(table, { from, to }, 100, cursor);
    mentions.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor && mentions.length < storyReadLimit);
  return groupTopStories(mentions).slice(0, count);
}

/** Groups counted mentions by story and ranks them by outlets, then members, then recency. */
export function groupTopStories(mentions: Mention[]): TopStory[] {
  return groupByStory(mentions)
    .map((group) => {
      const first = firstPublished(group);
      return {
        title: first.title,
        url: first.url,
        published: first.published,
        outlets: [...new Set(group.map((m) => m.outletName))].sort(),
        members: [...new Set(group.map((m) => m.entityId))].sort(),
      };
    })
    .sort(
      (a, b) =>
        b.outlets.length - a.outlets.length ||
        b.members.length - a.members.length ||
        b.published.localeCompare(a.published),
    );
}
