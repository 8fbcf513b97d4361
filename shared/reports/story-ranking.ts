// Stories as the overview shows them: one story, the outlets that carried it, who carried it first
// (grouped as story-groups.ts says); counts stay per mention and outlet elsewhere, this only ranks.
import { firstPublished, groupByStory } from './story-groups.ts';

/** The fields of a mention a story needs. */
export interface StoryMention {
  articleId: string;
  storyKey?: string;
  outletId: string;
  outletName: string;
  title: string;
  published: string;
  status: string;
  /** Set when the outlet is marked as not press: its mentions belong to no story. */
  outletExcluded?: boolean;
}

/** One story: its title, how many outlets carried it, and the first of them. */
export interface OverviewStory {
  storyKey: string;
  title: string;
  outlets: number;
  mentions: number;
  firstOutletName: string;
  firstPublished: string;
}

/** The `limit` stories carried by most outlets (then earliest first), of counted mentions only. */
export function overviewStories(mentions: StoryMention[], limit = 5): OverviewStory[] {
  return groupByStory(mentions)
    .map((group) => {
      const first = firstPublished(group);
      return {
        storyKey: first.storyKey ?? `article:${first.articleId}`,
        title: first.title,
        outlets: new Set(group.map((mention) => mention.outletId)).size,
        mentions: group.length,
        firstOutletName: first.outletName,
        firstPublished: first.published,
      };
    })
    .sort(
      (a, b) =>
        b.outlets - a.outlets || b.mentions - a.mentions || a.firstPublished.localeCompare(b.firstPublished),
    )
    .slice(0, limit);
}
