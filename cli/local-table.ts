// Opens the table of the running local stack (or the one DYNAMODB_ENDPOINT and TABLE_NAME name),
// checked first so an operator hears plainly when nothing is there.
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AppError } from '#shared/errors.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { connectionFailure, localEndpoint } from './local-endpoint.ts';

/** A table handle and a way to release its connections. */
export interface OpenTable {
  table: TableContext;
  close(): void;
}

/**
 * Connects to the local table, failing with a clear message when none is reachable; `alternative`
 * ends that message with what else the operator may do.
 */
export async function openLocalTable(
  alternative = 'or set DYNAMODB_ENDPOINT and TABLE_NAME',
): Promise<OpenTable & { client: DynamoDBClient }> {
  const { endpoint, tableName, source } = localEndpoint();
  const client = createDynamoClient({ endpoint });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    client.destroy();
    throw new AppError(
      'storage-unreachable',
      503,
      `No DynamoDB table "${tableName}" is reachable at ${endpoint} (address from ${source}): ` +
        `${connectionFailure(error)}. Start the local stack with \`npm start\`, ${alternative}.`,
      { cause: error },
    );
  }
  return {
    table: { db: createDocumentClient(client), tableName },
    client,
    close: () => client.destroy(),
  };
}
