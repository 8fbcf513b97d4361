// Gives a test file its own fresh table in the run's DynamoDB Local.
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable } from '../../infra/local/ensure-table.ts';
import { createDocumentClient, createDynamoClient } from '../../shared/store/dynamo-client.ts';

/** Creates a uniquely named table and returns clients bound to it. */
export async function createTestTable() {
  const endpoint = inject('dynamoEndpoint');
  const client = createDynamoClient({ endpoint });
  const tableName = `test-${randomUUID()}`;
  await ensureTable(client, tableName);
  return {
    endpoint,
    client,
    documentClient: createDocumentClient(client),
    tableName,
    drop: () => client.send(new DeleteTableCommand({ TableName: tableName })),
  };
}
