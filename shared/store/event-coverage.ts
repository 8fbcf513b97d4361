// The coverage of an outreach event: proposals read from the month index over the event's window,
// and the links PR staff confirm or remove. A confirmed link lives on the event (its count and
// outlets come with every read) and as an `event` reference on the mention, written together.
import type { Mention } from '../domain/mention.ts';
import { parseMentionId } from '../domain/mention.ts';
import type { OutreachEvent } from '../domain/outreach-event.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { type CoverageProposal, coverageWindowDays, proposeCoverage } from '../outreach/coverage-proposal.ts';
import { addDays, bakuDayStart, monthsOf } from '../time/baku-calendar.ts';
import { type Actor, type ExtraWrite, getEvent, writeChange } from './event-store.ts';
import { mentionKey, monthPartition } from './keys.ts';
import { mentionFromItem } from './mention-item.ts';
import { getMention } from './mention-review.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

/** The reference a linked mention carries to its event. */
export interface MentionEventRef {
  eventId: string;
  title: string;
  date: string;
}

/** Reads the mentions published in the event's window: a few month-index queries. */
export async function windowMentions(table: TableContext, date: string): Promise<Mention[]> {
  const last = addDays(date, coverageWindowDays);
  const from = bakuDayStart(date);
  const to = bakuDayStart(addDays(last, 1));
  const mentions: Mention[] = [];
  for (const month of monthsOf(date, last)) {
    const items = await queryAll(table, {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': monthPartition(month), ':from': from, ':to': to },
    });
    mentions.push(...items.map(mentionFromItem).filter((m) => m.published < to));
  }
  return mentions;
}

/** The event's proposals, computed on each read so new mentions in the window appear by themselves. */
export async function eventProposals(table: TableContext, event: OutreachEvent): Promise<CoverageProposal[]> {
  return proposeCoverage(event, await windowMentions(table, event.date));
}

/** Confirms a mention as coverage of the event; the mention then shows the event. */
export async function confirmCoverage(table: TableContext, eventId: string, mentionId: string, actor: Actor) {
  const event = await getEvent(table, eventId);
  const mention = await getMention(table, mentionId);
  const other = mention.event;
  if (other && other.eventId !== eventId) {
    throw new ConflictError(`The mention is already coverage of event ${other.eventId}`);
  }
  if (event.coverage[mentionId]) return event;
  const link = {
    outletId: mention.outletId,
    outletName: mention.outletName,
    title: mention.title,
    published: mention.published,
    confirmedBy: actor.by,
    confirmedAt: actor.at,
  };
  const { [mentionId]: _undismissed, ...dismissed } = event.dismissed;
  const after = { ...event, coverage: { ...event.coverage, [mentionId]: link }, dismissed };
  const ref: MentionEventRef = { eventId, title: event.title, date: event.date };
  return writeChange(
    table,
    event,
    after,
    'coverage-confirmed',
    { [mentionId]: { from: null, to: link.outletName } },
    actor,
    [mentionUpdate(table, mentionId, 'SET #event = :ref', { ':ref': ref })],
  );
}

/** Removes a mention from the event's coverage (or declines a proposal); it is not proposed again. */
export async function removeCoverage(table: TableContext, eventId: string, mentionId: string, actor: Actor) {
  const event = await getEvent(table, eventId);
  const mention = await getMention(table, mentionId);
  const linked = event.coverage[mentionId];
  const { [mentionId]: _removed, ...coverage } = event.coverage;
  const after = { ...event, coverage, dismissed: { ...event.dismissed, [mentionId]: true as const } };
  const ownRef = mention.event?.eventId === eventId;
  return writeChange(
    table,
    event,
    after,
    'coverage-removed',
    { [mentionId]: { from: linked?.outletName ?? null, to: null } },
    actor,
    ownRef ? [mentionUpdate(table, mentionId, 'REMOVE #event', {})] : [],
  );
}

function mentionUpdate(
  table: TableContext,
  mentionId: string,
  expression: string,
  values: Record<string, unknown>,
): ExtraWrite {
  const ids = parseMentionId(mentionId);
  if (!ids) throw new NotFoundError(`No mention ${mentionId}`);
  return {
    Update: {
      TableName: table.tableName,
      Key: mentionKey(ids.articleId, ids.entityId),
      UpdateExpression: expression,
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#event': 'event' },
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    },
  };
}
