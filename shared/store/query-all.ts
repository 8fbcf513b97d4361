// Reads every page of one Query, for the partitions the stores read whole (subscriptions, feed
// states, an event's history, a month's mentions). Queries that stop early (a bounded page, a read
// budget) page by hand instead.
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from './table-context.ts';

/** Every item the query matches, page after page, in the query's order. */
export async function queryAll(
  table: TableContext,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await table.db.send(
      new QueryCommand({ TableName: table.tableName, ...input, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
