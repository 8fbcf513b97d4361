// Builds realistic stored articles with mentions for API, browser and benchmark runs.
import type { Article, MentionEvidence } from '#shared/domain/mention.ts';
import { articleIdOf } from '#shared/ingest/article-id.ts';
import { type NewMention, recordArticle } from '#shared/store/article-writes.ts';
import type { TableContext } from '#shared/store/table-context.ts';

/** One article to seed: who it mentions and where. */
export interface SeedArticle {
  outletId: string;
  outletName?: string;
  title: string;
  published: string;
  language?: 'az' | 'ru' | 'en';
  entities: Array<{
    id: string;
    kind?: 'person' | 'organisation';
    surface?: string;
    evidence?: MentionEvidence;
  }>;
  url?: string;
  storyKey?: string;
}

/** Stores the articles through the same transaction the poller uses. */
export async function seedArticles(table: TableContext, articles: SeedArticle[]): Promise<Article[]> {
  const stored: Article[] = [];
  for (const seed of articles) {
    const article: Article = {
      articleId: articleIdOf(seed.outletId, seed.url ?? seed.title),
      outletId: seed.outletId,
      outletName: seed.outletName ?? seed.outletId.toUpperCase(),
      url: seed.url ?? `https://${seed.outletId}.example/${encodeURIComponent(seed.title.slice(0, 20))}`,
      title: seed.title,
      language: seed.language ?? 'az',
      published: seed.published,
      firstSeenAt: seed.published,
      ...(seed.storyKey ? { storyKey: seed.storyKey } : {}),
    };
    const mentions: NewMention[] = seed.entities.map((entity) => {
      const surface = entity.surface ?? entity.id;
      const start = Math.max(0, seed.title.indexOf(surface));
      return {
        entityId: entity.id,
        entityKind: entity.kind ?? 'person',
        snippet: { text: seed.title, highlights: [[start, start + surface.length]] },
        spans: [{ field: 'title', start, end: start + surface.length, surface }],
        ...(entity.evidence ? { evidence: entity.evidence } : {}),
      };
    });
    await recordArticle(table, article, mentions);
    stored.push(article);
  }
  return stored;
}
