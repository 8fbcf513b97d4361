// Matches the matcher cancelled as namesakes ("the poet Sahib Məmmədov") are not thrown away: each
// becomes a lead for PR staff, with the reason, and counts nowhere until someone confirms it.
import type { Article } from '../domain/mention.ts';
import type { CancelledMatch } from '../matching/index.ts';
import { putLead } from '../store/lead-store.ts';
import type { TableContext } from '../store/table-context.ts';

/** The cancelled matches of one stored article, by field. */
export interface CancelledHits {
  title: CancelledMatch[];
  text: CancelledMatch[];
}

/**
 * Stores one lead per member whose every match in the article was cancelled; a member the article
 * also names as themselves is already a mention, so their namesake lead would say nothing new.
 */
export async function storeNamesakeLeads(
  table: TableContext,
  article: Article,
  cancelled: CancelledHits,
  mentionedIds: ReadonlySet<string>,
): Promise<number> {
  const first = new Map<string, CancelledMatch>();
  for (const hit of [...cancelled.text, ...cancelled.title]) {
    if (!mentionedIds.has(hit.entityId) && !first.has(hit.entityId)) first.set(hit.entityId, hit);
  }
  let written = 0;
  for (const [memberId, hit] of first) {
    const outcome = await putLead(table, {
      leadId: `${article.articleId}.${memberId}`,
      status: 'open',
      memberId,
      reason: 'cancelled',
      reasonDetail: hit.reason,
      title: article.title,
      snippet: hit.snippet,
      url: article.url,
      engineLink: null,
      outlet: article.outletId,
      outletId: article.outletId,
      outletName: article.outletName,
      language: article.language,
      published: article.published,
      firstSeenAt: article.firstSeenAt,
      searchId: article.sourceId ?? article.outletId,
      query: '',
      ...(article.storyKey ? { storyKey: article.storyKey } : {}),
    });
    if (outcome === 'written') written++;
  }
  return written;
}
