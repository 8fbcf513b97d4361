// Lists mentions newest first through the index that fits the filter: by member (GSI1), by outlet
// (GSI3), or month by month (GSI2). The cursor carries the index position, so pages never overlap,
// and is bound to the filters that produced it (mention-cursor.ts).
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Mention, MentionEvidence, MentionStatus } from '../domain/mention.ts';
import { searchQuerySkeleton } from '../matching/search-fold.ts';
import { bakuMonth } from '../time/baku-calendar.ts';
import {
  type MentionIndex,
  memberPartition,
  mentionIndexKeyNames,
  mentionIndexOf,
  monthPartition,
  outletPartition,
} from './keys.ts';
import { type CursorPosition, decodeCursor, encodeCursor } from './mention-cursor.ts';
import { mentionFromItem } from './mention-item.ts';
import type { TableContext } from './table-context.ts';

/** Filters of the mention list; `from`/`to` are UTC instants, `to` exclusive. */
export interface MentionFilter {
  member?: string;
  outlet?: string;
  language?: string;
  status?: MentionStatus;
  evidence?: MentionEvidence;
  q?: string;
  /** Roster members the words of `q` name; their mentions match `q` whatever the spelling. */
  qMembers?: string[];
  /** Leaves out rejected mentions, as the counts do (the CSV's default). */
  countedOnly?: boolean;
  from: string;
  to: string;
}

/** One page of mentions. */
export interface MentionPage {
  items: Mention[];
  cursor: string | null;
}

/** A filtered page never costs more than this many queries; the cursor continues from there. */
const maxQueriesPerPage = 8;

/** Reads one page of mentions matching the filter, newest first. */
export async function listMentions(
  table: TableContext,
  filter: MentionFilter,
  limit: number,
  cursorText?: string,
): Promise<MentionPage> {
  const partitions = partitionsFor(filter);
  const cursor: CursorPosition = cursorText
    ? decodeCursor(cursorText, filter, partitions)
    : { partition: partitions[0] as string };
  const items: Record<string, unknown>[] = [];
  let partitionIndex = partitions.indexOf(cursor.partition);
  let startKey = cursor.startKey;
  for (let queries = 0; queries < maxQueriesPerPage && partitionIndex < partitions.length; queries++) {
    const partition = partitions[partitionIndex] as string;
    const page: QueryCommandOutput = await table.db.send(
      queryFor(table, filter, partition, limit - items.length, startKey),
    );
    const room = limit - items.length;
    const found = page.Items ?? [];
    items.push(...found.slice(0, room));
    if (found.length > room) {
      // A filtered query read past the page: continue right after the last item returned.
      startKey = indexKeyOf(items.at(-1) as Record<string, unknown>, indexOf(partition));
      break;
    }
    startKey = page.LastEvaluatedKey;
    if (!startKey) {
      partitionIndex++;
    }
    if (items.length >= limit) break;
  }
  const next: CursorPosition | null =
    partitionIndex >= partitions.length
      ? null
      : { partition: partitions[partitionIndex] as string, startKey };
  return { items: items.map(mentionFromItem), cursor: next ? encodeCursor(filter, next) : null };
}

/** The index a partition of the mention list lives in (partitions here are built by keys.ts). */
function indexOf(partition: string): MentionIndex {
  return mentionIndexOf(partition) as MentionIndex;
}

/** The ExclusiveStartKey of an index query positioned at `item`: table keys plus the index keys. */
function indexKeyOf(item: Record<string, unknown>, index: MentionIndex): Record<string, unknown> {
  return Object.fromEntries(mentionIndexKeyNames(index).map((name) => [name, item[name]]));
}

/** The index partitions a filter reads, newest first. */
export function partitionsFor(filter: MentionFilter): string[] {
  if (filter.member) return [memberPartition(filter.member)];
  if (filter.outlet) return [outletPartition(filter.outlet)];
  const months: string[] = [];
  const last = bakuMonth(new Date(Date.parse(filter.to) - 1));
  for (let month = last; month >= bakuMonth(filter.from); month = previousMonth(month)) {
    months.push(monthPartition(month));
  }
  return months.length > 0 ? months : [monthPartition(last)];
}

function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** The index query of one partition for a filter, starting after `startKey`. */
export function queryFor(
  table: TableContext,
  filter: MentionFilter,
  partition: string,
  limit: number,
  startKey?: Record<string, unknown>,
) {
  const index = indexOf(partition);
  const names: Record<string, string> = { '#pk': `${index}PK`, '#sk': `${index}SK` };
  // Sort keys are `<published>#...`, so BETWEEN from AND to keeps `from` itself and excludes `to`.
  const values: Record<string, unknown> = { ':pk': partition, ':from': filter.from, ':to': filter.to };
  const conditions: string[] = [];
  if (filter.member && filter.outlet) addCondition('outletId', filter.outlet);
  if (filter.language) addCondition('language', filter.language);
  if (filter.status) addCondition('status', filter.status);
  if (filter.evidence) addCondition('evidence', filter.evidence);
  if (filter.countedOnly && !filter.status) {
    names['#counted'] = 'status';
    values[':rejected'] = 'rejected';
    conditions.push('#counted <> :rejected');
  }
  if (filter.q) {
    names['#search'] = 'searchText';
    values[':q'] = filter.q.toLocaleLowerCase('az');
    const either = ['contains(#search, :q)'];
    const folded = searchQuerySkeleton(filter.q);
    if (folded) {
      values[':qFolded'] = folded;
      either.push('contains(#search, :qFolded)');
    }
    // Words naming a roster member find that member's mentions in every spelling and script.
    const named = filter.qMembers ?? [];
    if (named.length > 0) {
      names['#searchEntity'] = 'entityId';
      for (const [index, id] of named.entries()) values[`:qMember${index}`] = id;
      either.push(`#searchEntity IN (${named.map((_, index) => `:qMember${index}`).join(', ')})`);
    }
    conditions.push(`(${either.join(' OR ')})`);
  }
  return new QueryCommand({
    TableName: table.tableName,
    IndexName: index,
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
    ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: false,
    // Filters drop items after the limit is applied, so read a little more than needed.
    Limit: conditions.length > 0 ? Math.max(limit * 4, 50) : limit,
    ...(startKey ? { ExclusiveStartKey: startKey } : {}),
  });

  function addCondition(attribute: string, value: string) {
    const n = Object.keys(values).length;
    names[`#f${n}`] = attribute;
    values[`:f${n}`] = value;
    conditions.push(`#f${n} = :f${n}`);
  }
}
