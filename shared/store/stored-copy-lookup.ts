// Finds whether an outlet already has an article stored: by its canonical link (the article ids the
// outlet's feeds would have given it), or by the same story key at the same outlet within three days
// of its date (read from the by-outlet index, a window of a few days of one outlet's mentions).
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from './batch-get.ts';
import { articleKey, outletPartition } from './keys.ts';
import type { TableContext } from './table-context.ts';

/** Three days either side: the same story republished later is the same coverage. */
const windowMs = 3 * 86_400_000;

/** What identifies a possible copy. */
export interface CopyProbe {
  outletId: string;
  /** Article ids the outlet's own feeds would have stored the link under. */
  articleIds: string[];
  link: string | null;
  storyKey: string;
  published: string;
  /** Only copies found through search count (a feed item checked against search results). */
  searchFoundOnly?: boolean;
}

/** True when the outlet already holds this article or story. */
export async function hasStoredCopy(table: TableContext, probe: CopyProbe): Promise<boolean> {
  if (probe.articleIds.length > 0) {
    const found = await batchGetItems(
      table,
      probe.articleIds.map((id) => articleKey(id)),
      { expression: 'PK' },
    );
    if (found.length > 0) return true;
  }
  const at = Date.parse(probe.published);
  const from = new Date(at - windowMs).toISOString();
  const to = new Date(at + windowMs).toISOString();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK BETWEEN :from AND :to',
        FilterExpression: `(${probe.link ? '#url = :link OR ' : ''}storyKey = :story)${probe.searchFoundOnly ? ' AND foundThrough = :search' : ''}`,
        ProjectionExpression: 'PK',
        ...(probe.link ? { ExpressionAttributeNames: { '#url': 'url' } } : {}),
        ExpressionAttributeValues: {
          ...(probe.searchFoundOnly ? { ':search': 'search' } : {}),
          ':pk': outletPartition(probe.outletId),
          ':from': from,
          ':to': `${to}\uffff`,
          ':story': probe.storyKey,
          ...(probe.link ? { ':link': probe.link } : {}),
        },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    if ((page.Items ?? []).length > 0) return true;
    start = page.LastEvaluatedKey;
  } while (start);
  return false;
}
