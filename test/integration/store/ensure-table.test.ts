import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../../infra/local/ensure-table.ts';
import { trackerTable } from '../../../infra/table.ts';
import { createTestTable } from '../../helpers/dynamo.ts';

describe('ensureTable', async () => {
  const table = await createTestTable();
  afterAll(() => table.drop());

  it('creates every index of the definition in DynamoDB Local', async () => {
    const { Table } = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    const indexNames = (Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName).sort();
    expect(indexNames).toEqual(trackerTable.globalSecondaryIndexes.map((index) => index.indexName).sort());
  });

  it('leaves an up-to-date table unchanged', async () => {
    expect(await ensureTable(table.client, table.tableName)).toBe('unchanged');
  });
});
