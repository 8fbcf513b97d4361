// Groups a week's mentions by member and then by story, as the dashboard does: articles of different
// outlets that share a story key are one story carried by several outlets.
import type { Mention } from '../domain/mention.ts';

/** One story of a member: the earliest article's title, date and link, and every outlet that ran it. */
export interface DigestStory {
  title: string;
  url: string | null;
  published: string;
  outlets: Array<{ outletId: string; name: string; url: string | null }>;
}

/** The stories of one member, most widely carried first. */
export interface MemberStories {
  entityId: string;
  stories: DigestStory[];
}

/** Groups mentions (rejected ones left out) by entity, then by story key (else by article). */
export function groupStories(mentions: Mention[], outletName: (mention: Mention) => string): MemberStories[] {
  const byEntity = new Map<string, Map<string, Mention[]>>();
  for (const mention of mentions) {
    if (mention.status === 'rejected') continue;
    const stories = byEntity.get(mention.entityId) ?? new Map<string, Mention[]>();
    const key = mention.storyKey ?? `article:${mention.articleId}`;
    stories.set(key, [...(stories.get(key) ?? []), mention]);
    byEntity.set(mention.entityId, stories);
  }
  return [...byEntity].map(([entityId, stories]) => ({
    entityId,
    stories: [...stories.values()].map((group) => storyOf(group, outletName)).sort(byReachThenDate),
  }));
}

function storyOf(group: Mention[], outletName: (mention: Mention) => string): DigestStory {
  const sorted = [...group].sort((a, b) => a.published.localeCompare(b.published));
  const first = sorted[0] as Mention;
  const outlets = new Map<string, DigestStory['outlets'][number]>();
  for (const mention of sorted) {
    if (!outlets.has(mention.outletId)) {
      outlets.set(mention.outletId, {
        outletId: mention.outletId,
        name: outletName(mention),
        url: mention.url,
      });
    }
  }
  return { title: first.title, url: first.url, published: first.published, outlets: [...outlets.values()] };
}

function byReachThenDate(a: DigestStory, b: DigestStory): number {
  return b.outlets.length - a.outlets.length || b.published.localeCompare(a.published);
}
