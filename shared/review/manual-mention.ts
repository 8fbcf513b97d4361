// Use case: record a mention PR staff found themselves (print, TV, radio, a page no feed carries).
//   Input:  title, Baku date, member ids, a registered outlet or a free outlet name, medium, language.
//   Output: the stored mentions, marked manual and counted like the rest.
//   Steps:  check members and outlet against the config → build the article → store it with one
//           mention per member and the counters, in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import type { OutletRegistry } from '../config/outlets.ts';
import type { Roster } from '../config/roster.ts';
import { type Article, type ManualMedium, type Mention, mentionIdOf } from '../domain/mention.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { canonicalUrl } from '../feeds/parse/url-canonicalizer.ts';
import { outletNameKey } from '../reach/outlet-identity.ts';
import { recordArticle } from '../store/article-writes.ts';
import { rememberManualOutlet } from '../store/manual-outlets.ts';
import type { TableContext } from '../store/table-context.ts';
import { bakuDayStart } from '../time/baku-calendar.ts';

/** A manual mention as PR staff enter it. */
export interface ManualMentionInput {
  title: string;
  date: string;
  members: string[];
  outletId?: string;
  outletName?: string;
  medium: ManualMedium;
  language: string;
  url?: string;
  description?: string;
  enteredBy: string;
}

/** Stores the manual mention and returns one Mention per member. */
export async function recordManualMention(
  table: TableContext,
  config: { roster: Roster; registry: OutletRegistry },
  input: ManualMentionInput,
  now: Date,
): Promise<Mention[]> {
  const kinds = new Map<string, 'person' | 'organisation'>([
    ...config.roster.people.map((person) => [person.id, 'person'] as const),
    ...config.roster.organisations.map((organisation) => [organisation.id, 'organisation'] as const),
  ]);
  input.members.forEach((id, index) => {
    if (!kinds.has(id))
      throw new ValidationError(`members.${index}: no person or organisation "${id}" in the roster`);
  });
  // A name typed by hand that is a registered outlet's name joins that outlet.
  const outlet = input.outletId
    ? config.registry.outlets.find((o) => o.id === input.outletId)
    : config.registry.outlets.find(
        (o) => input.outletName && outletNameKey(o.name) === outletNameKey(input.outletName),
      );
  if (input.outletId && !outlet)
    throw new ValidationError(`outletId: no outlet "${input.outletId}" in the registry`);
  const outletName = outlet?.name ?? (input.outletName as string);
  const article: Article = {
    // One manual article per URL: entering the same page twice is a conflict, not a second count.
    articleId: input.url
      ? `manual-${digest(canonicalUrl(input.url) ?? input.url).slice(0, 32)}`
      : `manual-${randomUUID()}`,
    outletId: outlet?.id ?? manualOutletId(outletName),
    outletName,
    url: input.url ?? null,
    title: input.title,
    language: input.language,
    // Noon in Baku keeps the mention on the chosen day whatever the reader's time zone.
    published: new Date(Date.parse(bakuDayStart(input.date)) + 12 * 3_600_000).toISOString(),
    firstSeenAt: now.toISOString(),
    manual: {
      medium: input.medium,
      enteredBy: input.enteredBy,
      ...(input.description ? { description: input.description } : {}),
    },
  };
  const snippetText = input.description ?? input.title;
  const members = [...new Set(input.members)];
  const outcome = await recordArticle(
    table,
    article,
    members.map((entityId) => ({
      entityId,
      entityKind: kinds.get(entityId) as 'person' | 'organisation',
      snippet: { text: snippetText, highlights: [] },
      spans: [],
    })),
    'manual',
  );
  if (outcome === 'duplicate') throw new ConflictError(`url: ${input.url} was already entered by hand`);
  if (!outlet) {
    await rememberManualOutlet(table, {
      id: article.outletId,
      name: outletName,
      medium: input.medium,
      at: now.toISOString(),
    });
  }
  return members.map((entityId) => ({
    mentionId: mentionIdOf(article.articleId, entityId),
    articleId: article.articleId,
    entityId,
    entityKind: kinds.get(entityId) as 'person' | 'organisation',
    outletId: article.outletId,
    outletName,
    language: article.language,
    url: article.url,
    title: article.title,
    published: article.published,
    status: 'manual',
    snippet: { text: snippetText, highlights: [] },
    spans: [],
    manual: article.manual,
  }));
}

/**
 * The id of an outlet typed by hand: a readable Latin part plus a hash of the outlet's name key, so
 * "Xalq qəzeti", "XALQ QƏZETİ" and "Халг газети" are one outlet while "Зеркало" and "Эхо" stay two.
 */
function manualOutletId(name: string): string {
  const key = outletNameKey(name) || name.trim();
  const readable = key
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24);
  return `manual-${readable ? `${readable}-` : ''}${digest(key).slice(0, 8)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
