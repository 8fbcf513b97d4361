// Top stories rank by the outlets that carried a story, name the first outlet, and ignore rejections.
import { describe, expect, it } from 'vitest';
import { overviewStories, type StoryMention } from '#shared/reports/story-ranking.ts';

const mention = (
  articleId: string,
  outletId: string,
  published: string,
  extra: Partial<StoryMention> = {},
) => ({
  articleId,
  outletId,
  outletName: outletId.toUpperCase(),
  title: `title ${articleId}`,
  published,
  status: 'auto',
  ...extra,
});

describe('overviewStories', () => {
  it('ranks by outlets, names the first outlet and leaves rejected mentions out', () => {
    const stories = overviewStories([
      mention('a1', 'apa', '2026-11-02T10:00:00Z', { storyKey: 's1' }),
      mention('a2', 'report', '2026-11-02T08:00:00Z', { storyKey: 's1' }),
      mention('a3', 'trend', '2026-11-02T09:00:00Z', { storyKey: 's1', status: 'rejected' }),
      mention('b1', 'apa', '2026-11-01T08:00:00Z'),
      mention('b1', 'apa', '2026-11-01T08:00:00Z'),
    ]);
    expect(stories).toEqual([
      {
        storyKey: 's1',
        title: 'title a2',
        outlets: 2,
        mentions: 2,
        firstOutletName: 'REPORT',
        firstPublished: '2026-11-02T08:00:00Z',
      },
      {
        storyKey: 'article:b1',
        title: 'title b1',
        outlets: 1,
        mentions: 2,
        firstOutletName: 'APA',
        firstPublished: '2026-11-01T08:00:00Z',
      },
    ]);
  });
});
