// Opens the tracker table for the table commands (export, import, recount). Local first, as `tracker
// poll` does: DYNAMODB_ENDPOINT, else the local stack's port (TRACKER_DYNAMODB_PORT, default 8000).
// With DYNAMODB_ENDPOINT and TRACKER_DYNAMODB_PORT unset and AWS credentials in the environment, the
// real table TABLE_NAME in AWS_REGION is used, through the SDK's default credential chain.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { optionalEnv } from '#shared/config/settings.ts';
import { AppError, ConfigError } from '#shared/errors.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import type { TransferTable } from '#shared/store/table-transfer.ts';
import { connectionFailure, localEndpoint } from './local-endpoint.ts';

/** An open table and a line saying where it is, for the operator. */
export interface OpenTable extends TransferTable {
  where: string;
  close(): void;
}

/** Environment variables by which the SDK's default chain finds AWS credentials. */
const awsCredentialVariables = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
];

/** Connects to the table the environment names and checks that it exists. */
export async function openTable(): Promise<OpenTable> {
  const explicit = optionalEnv('DYNAMODB_ENDPOINT');
  const cloud =
    !explicit &&
    !process.env.TRACKER_DYNAMODB_PORT &&
    awsCredentialVariables.some((name) => process.env[name]?.trim());
  const local = cloud ? undefined : localEndpoint();
  const endpoint = local?.endpoint;
  const tableName = cloud ? optionalEnv('TABLE_NAME') : local?.tableName;
  if (!tableName) throw new ConfigError('TABLE_NAME must name the AWS table (see `npx cdk deploy` outputs)');
  const client = createDynamoClient(endpoint ? { endpoint } : {});
  const where = endpoint
    ? `${tableName} at ${endpoint} (address from ${local?.source})`
    : `${tableName} in AWS (${await client.config.region()})`;
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    client.destroy();
    throw new AppError(
      'storage-unreachable',
      503,
      `No DynamoDB table ${where} is reachable: ${connectionFailure(error)}. ` +
        'Start the local stack with `npm start`, or set DYNAMODB_ENDPOINT and TABLE_NAME, or AWS credentials and TABLE_NAME.',
      { cause: error },
    );
  }
  return { client, db: createDocumentClient(client), tableName, where, close: () => client.destroy() };
}
