// Size budgets of stored articles and mentions. DynamoDB refuses an item over 400 KB and a
// transaction over 4 MB ("Service, account, and table quotas in Amazon DynamoDB"), and a refused
// article would be fetched and refused again on every poll. So each stored text has a byte budget;
// what is cut is cut at a character boundary and named in the item's `truncated` list, and the rest
// is stored. With these budgets a mention item stays near 30 KB, so the largest transaction (one
// article, 96 mentions, three aggregates) stays under 4 MB.
import type { Article, Snippet, TruncatedField } from '../domain/mention.ts';

/** The byte budgets, in UTF-8 as DynamoDB measures strings. */
export const itemBudget = {
  titleBytes: 4_096,
  /** A longer URL is not stored at all: a cut URL would lead somewhere else. */
  urlBytes: 4_096,
  snippetBytes: 2_048,
  spansPerMention: 50,
  surfaceBytes: 160,
  outletNameBytes: 512,
  descriptionBytes: 4_096,
} as const;

/** A span of a name found in the article. */
export interface Span {
  field: 'title' | 'text';
  start: number;
  end: number;
  surface: string;
}

/** The longest prefix of `text` that fits `maxBytes` in UTF-8, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  // Fast path: no UTF-16 unit takes more than 3 UTF-8 bytes (a surrogate pair takes 4 for two units).
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > maxBytes) break;
    end += character.length;
  }
  return text.slice(0, end);
}

/** The article as stored: title, URL and manual fields within budget, and what was cut. */
export function fitArticle(article: Article): Article {
  const cut: TruncatedField[] = [];
  const within = (field: TruncatedField, text: string, maxBytes: number) => {
    const kept = truncateUtf8(text, maxBytes);
    if (kept !== text) cut.push(field);
    return kept;
  };
  const title = within('title', article.title, itemBudget.titleBytes);
  const outletName = within('outletName', article.outletName, itemBudget.outletNameBytes);
  let url = article.url;
  if (url !== null && Buffer.byteLength(url) > itemBudget.urlBytes) {
    url = null;
    cut.push('url');
  }
  const description = article.manual?.description;
  const manual =
    article.manual && description !== undefined
      ? { ...article.manual, description: within('description', description, itemBudget.descriptionBytes) }
      : article.manual;
  if (cut.length === 0) return article;
  return {
    ...article,
    title,
    outletName,
    url,
    ...(manual ? { manual } : {}),
    truncated: [...(article.truncated ?? []), ...cut],
  };
}

/** A mention's snippet and spans within budget, and which of them were cut. */
export function fitMentionText(snippet: Snippet, spans: Span[]) {
  const cut: TruncatedField[] = [];
  const text = truncateUtf8(snippet.text, itemBudget.snippetBytes);
  const highlights = snippet.highlights
    .filter(([, end]) => end <= text.length)
    .slice(0, itemBudget.spansPerMention);
  if (text !== snippet.text) cut.push('snippet');
  const keptSpans = spans.slice(0, itemBudget.spansPerMention).map((span) => {
    const surface = truncateUtf8(span.surface, itemBudget.surfaceBytes);
    return surface === span.surface ? span : { ...span, surface };
  });
  if (keptSpans.length < spans.length || keptSpans.some((span, i) => span !== spans[i])) cut.push('spans');
  return { snippet: { text, highlights }, spans: keptSpans, cut };
}
