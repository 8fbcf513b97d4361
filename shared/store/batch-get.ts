// Reads many items by key: BatchGetItem takes 100 keys a call and may hand some back unprocessed,
// which are asked for again after a short backoff, as the DynamoDB documentation advises.
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from './table-context.ts';

const keysPerCall = 100;

/** What to read of each item; everything when absent. */
export interface Projection {
  expression: string;
  names?: Record<string, string>;
}

/** The items stored under the keys, in no particular order; missing keys are simply absent. */
export async function batchGetItems(
  table: TableContext,
  keys: Array<Record<string, unknown>>,
  projection?: Projection,
): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  for (let offset = 0; offset < keys.length; offset += keysPerCall) {
    let pending = keys.slice(offset, offset + keysPerCall);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      const output = await table.db.send(
        new BatchGetCommand({
          RequestItems: {
            [table.tableName]: {
              Keys: pending,
              ...(projection
                ? {
                    ProjectionExpression: projection.expression,
                    ...(projection.names ? { ExpressionAttributeNames: projection.names } : {}),
                  }
                : {}),
            },
          },
        }),
      );
      items.push(...(output.Responses?.[table.tableName] ?? []));
      pending = output.UnprocessedKeys?.[table.tableName]?.Keys ?? [];
    }
  }
  return items;
}
