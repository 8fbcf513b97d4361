// What makes a story, for every ranking of stories (the overview's, the outcomes report's): the
// article's story key, or the article itself when it has none; only counted mentions belong to one.

/** The fields of a mention that place it in a story. */
export interface StoryMember {
  articleId: string;
  storyKey?: string;
  status: string;
  outletExcluded?: boolean;
}

/** Counted mentions (not rejected, outlet not excluded) grouped by story, in order of first appearance. */
export function groupByStory<M extends StoryMember>(mentions: M[]): M[][] {
  const groups = new Map<string, M[]>();
  for (const mention of mentions) {
    if (mention.status === 'rejected' || mention.outletExcluded) continue;
    const key = mention.storyKey ?? `article:${mention.articleId}`;
    const group = groups.get(key);
    if (group) group.push(mention);
    else groups.set(key, [mention]);
  }
  return [...groups.values()];
}

/** The earliest published mention of a non-empty group. */
export function firstPublished<M extends { published: string }>(group: M[]): M {
  return group.reduce((first, mention) => (mention.published < first.published ? mention : first));
}
