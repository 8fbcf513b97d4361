// Opens the table of the local stack for CLI commands that store: the endpoint `npm start` runs (or
// DYNAMODB_ENDPOINT), checked first so an operator hears plainly when nothing is there.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { integerEnv, optionalEnv } from '#shared/config/settings.ts';
import { AppError } from '#shared/errors.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { localTableName } from '../infra/table.ts';

/** The reachable local table and a way to let go of it. */
export async function openLocalTable(): Promise<TableContext & { close(): void }> {
  const endpoint =
    optionalEnv('DYNAMODB_ENDPOINT') ?? `http://127.0.0.1:${integerEnv('TRACKER_DYNAMODB_PORT', 8000)}`;
  const tableName = optionalEnv('TABLE_NAME', localTableName) as string;
  const client = createDynamoClient({ endpoint });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    client.destroy();
    throw new AppError(
      'storage-unreachable',
      503,
      `No DynamoDB table "${tableName}" is reachable at ${endpoint} (${(error as Error).name}). ` +
        'Start the local stack with `npm start`, or set DYNAMODB_ENDPOINT and TABLE_NAME.',
      { cause: error },
    );
  }
  return { db: createDocumentClient(client), tableName, close: () => client.destroy() };
}
