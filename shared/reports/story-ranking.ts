// Stories as the overview shows them: one story, the outlets that carried it, who carried it first.
// Mentions are grouped by the article's story key (one article without a key is a story of its own);
// counts stay per mention and outlet elsewhere, this only ranks.

/** The fields of a mention a story needs. */
export interface StoryMention {
  articleId: string;
  storyKey?: string;
  outletId: string;
  outletName: string;
  title: string;
  published: string;
  status: string;
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

/** The `limit` stories carried by most outlets (then earliest first); rejected mentions do not count. */
export function overviewStories(mentions: StoryMention[], limit = 5): OverviewStory[] {
  const stories = new Map<string, { first: StoryMention; outlets: Set<string>; mentions: number }>();
  for (const mention of mentions) {
    if (mention.status === 'rejected') continue;
    const key = mention.storyKey ?? `article:${mention.articleId}`;
    const story = stories.get(key) ?? { first: mention, outlets: new Set<string>(), mentions: 0 };
    story.outlets.add(mention.outletId);
    story.mentions++;
    if (mention.published < story.first.published) story.first = mention;
    stories.set(key, story);
  }
  return [...stories.entries()]
    .map(([storyKey, story]) => ({
      storyKey,
      title: story.first.title,
      outlets: story.outlets.size,
      mentions: story.mentions,
      firstOutletName: story.first.outletName,
      firstPublished: story.first.published,
    }))
    .sort(
      (a, b) =>
        b.outlets - a.outlets || b.mentions - a.mentions || a.firstPublished.localeCompare(b.firstPublished),
    )
    .slice(0, limit);
}
