// Builds the table item of a new mention from its article, within the item size budget.

import { type Article, type Mention, mentionIdOf } from '../domain/mention.ts';
import { searchSkeleton } from '../matching/search-fold.ts';
import { fitMentionText } from './item-budget.ts';
import { mentionIndexKeys, mentionKey } from './keys.ts';

/** A mention found in a new article, before it is stored. */
export type NewMention = Pick<Mention, 'entityId' | 'entityKind' | 'snippet' | 'spans' | 'evidence'>;

/** The stored item of `mention` in `article` (an article already fitted to its budget). */
export function mentionRecord(
  article: Article,
  mention: NewMention,
  status: 'auto' | 'manual' | 'confirmed',
) {
  const fitted = fitMentionText(mention.snippet, mention.spans);
  const truncated = [...(article.truncated ?? []), ...fitted.cut];
  const record: Mention = {
    mentionId: mentionIdOf(article.articleId, mention.entityId),
    articleId: article.articleId,
    entityId: mention.entityId,
    entityKind: mention.entityKind,
    outletId: article.outletId,
    outletName: article.outletName,
    language: article.language,
    url: article.url,
    title: article.title,
    published: article.published,
    status,
    snippet: fitted.snippet,
    spans: fitted.spans,
    ...(article.manual ? { manual: article.manual } : {}),
    ...(article.storyKey ? { storyKey: article.storyKey } : {}),
    ...(article.foundThrough ? { foundThrough: article.foundThrough } : {}),
    ...(mention.evidence ? { evidence: mention.evidence } : {}),
    ...(truncated.length > 0 ? { truncated } : {}),
  };
  return {
    ...mentionKey(article.articleId, mention.entityId),
    ...mentionIndexKeys(record),
    type: 'mention',
    // Lower case for a plain substring search, then the matcher's folding, so any script finds it.
    searchText: `${`${record.title} ${record.snippet.text}`.toLocaleLowerCase('az')} |${searchSkeleton(
      `${record.title} ${record.snippet.text}`,
    )}`,
    ...record,
  };
}
