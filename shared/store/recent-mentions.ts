// The mentions published since an instant, read month by month through the month index (GSI2): the
// alerts run's window, never a table scan.
import type { Mention } from '../domain/mention.ts';
import { bakuMonth } from '../time/baku-calendar.ts';
import { monthPartition } from './keys.ts';
import { mentionFromItem } from './mention-item.ts';
import { queryAll } from './query-all.ts';
import type { TableContext } from './table-context.ts';

/** Mentions published from `since` up to `until`, both UTC instants, oldest first. */
export async function mentionsPublishedSince(
  table: TableContext,
  since: string,
  until: string,
): Promise<Mention[]> {
  const months = [...new Set([bakuMonth(since), bakuMonth(until)])];
  const mentions: Mention[] = [];
  for (const month of months) {
    const items = await queryAll(table, {
      IndexName: 'GSI2',
      // The index sort key starts with the published instant, so the range is a key condition.
      KeyConditionExpression: 'GSI2PK = :month AND GSI2SK BETWEEN :since AND :until',
      ExpressionAttributeValues: { ':month': monthPartition(month), ':since': since, ':until': `${until}~` },
    });
    mentions.push(...items.map(mentionFromItem));
  }
  return mentions;
}
