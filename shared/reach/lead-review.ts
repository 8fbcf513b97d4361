// Use case: PR staff review a lead.
//   confirm: the lead becomes an ordinary article with one confirmed mention per member (the lead's
//            member unless others are named), counted from then on, marked as found through search.
//   dismiss: the lead is closed and counted nowhere; a later poll finding it again adds nothing.
// The lead is closed first, with a condition on `open`, so two clicks cannot make two articles.
import type { Roster } from '../config/roster.ts';
import type { Lead } from '../domain/lead.ts';
import { mentionIdOf } from '../domain/mention.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { storyKey } from '../feeds/items/story-key.ts';
import { recordArticle } from '../store/article-writes.ts';
import { getDiscoveredOutlet, touchDiscoveredOutlet } from '../store/discovered-outlet-store.ts';
import { closeLead, getLead, reopenLead } from '../store/lead-store.ts';
import type { TableContext } from '../store/table-context.ts';
import { searchArticle } from './search-sink.ts';

/** A review of one lead. */
export interface LeadDecision {
  leadId: string;
  action: 'confirm' | 'dismiss';
  /** Members to confirm; the lead's own member when absent. */
  members?: string[];
  by: string;
  at: string;
}

/** Applies the decision and returns the lead as it now is. */
export async function reviewLead(table: TableContext, roster: Roster, decision: LeadDecision): Promise<Lead> {
  const lead = await getLead(table, decision.leadId);
  if (lead.status !== 'open') throw new ConflictError(`Lead ${lead.leadId} was already ${lead.status}`);
  const closed = { by: decision.by, at: decision.at };
  if (decision.action === 'dismiss') {
    await closeLead(table, lead.leadId, { status: 'dismissed', ...closed });
    return { ...lead, status: 'dismissed', reviewedBy: decision.by, reviewedAt: decision.at };
  }
  const kinds = new Map<string, 'person' | 'organisation'>([
    ...roster.people.map((p) => [p.id, 'person'] as const),
    ...roster.organisations.map((o) => [o.id, 'organisation'] as const),
  ]);
  const members = [...new Set(decision.members ?? (lead.memberId ? [lead.memberId] : []))];
  if (members.length === 0)
    throw new ValidationError('members: name at least one member to confirm the lead');
  members.forEach((id, index) => {
    if (!kinds.has(id))
      throw new ValidationError(`members.${index}: no person or organisation "${id}" in the roster`);
  });
  const discovered =
    lead.outletId === lead.outlet ? await getDiscoveredOutlet(table, lead.outlet) : undefined;
  if (discovered?.notPress) throw new ConflictError(`${lead.outlet} is marked not press; unmark it first`);
  const mentionIds = members.map((id) => mentionIdOf(lead.leadId, id));
  await closeLead(table, lead.leadId, { status: 'confirmed', ...closed, mentionIds });
  try {
    const article = searchArticle(
      { ...lead, link: lead.url, storyKey: lead.storyKey ?? storyKey(lead.title) },
      lead.leadId,
      lead.firstSeenAt,
    );
    await recordArticle(
      table,
      { ...article, published: lead.published },
      members.map((entityId) => ({
        entityId,
        entityKind: kinds.get(entityId) as 'person' | 'organisation',
        snippet: { text: lead.snippet || lead.title, highlights: [] },
        spans: [],
      })),
      'confirmed',
    );
    if (discovered) {
      await touchDiscoveredOutlet(table, {
        domain: lead.outlet,
        name: discovered.name,
        seenAt: discovered.lastSeenAt,
        mentions: members.length,
      });
    }
  } catch (error) {
    await reopenLead(table, lead.leadId);
    throw error;
  }
  return { ...lead, status: 'confirmed', reviewedBy: decision.by, reviewedAt: decision.at, mentionIds };
}
