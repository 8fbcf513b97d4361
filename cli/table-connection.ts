// Opens the tracker table for the CLI: the local stack's table (DYNAMODB_ENDPOINT, else the endpoint
// `npm start` recorded; see local-endpoint.ts), checked first so an operator hears plainly when
// nothing is there. Commands that may work on the cloud (export, import, recount) ask for it: with
// DYNAMODB_ENDPOINT and TRACKER_DYNAMODB_PORT unset and AWS credentials in the environment, the real
// table TABLE_NAME in AWS_REGION is used, through the SDK's default credential chain.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { optionalEnv } from '#shared/config/settings.ts';
import { AppError, ConfigError } from '#shared/errors.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import type { TransferTable } from '#shared/store/table-transfer.ts';
import { connectionFailure, localEndpoint } from './local-endpoint.ts';

/** An open table, a line saying where it is for the operator, and a way to release its connections. */
export interface OpenTable extends TransferTable {
  table: TableContext;
  where: string;
  close(): void;
}

/** What the transfer commands (export, import, recount) use of an open table. */
export type TransferConnection = Omit<OpenTable, 'table'>;

/** What the commands that read and write records (digest, facebook) use of an open table. */
export type TableConnection = Pick<OpenTable, 'table' | 'close'>;

/** Which tables a command may open. */
export interface OpenTableOptions {
  /** The AWS table when credentials are in the environment and no local address is set. */
  cloud?: boolean;
  /** What else the operator may do, ending the message when no table is reachable. */
  alternative?: string;
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
export async function openTable(options: OpenTableOptions = {}): Promise<OpenTable> {
  const cloud =
    options.cloud === true &&
    !optionalEnv('DYNAMODB_ENDPOINT') &&
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
    const alternative =
      options.alternative ??
      (options.cloud
        ? 'or set DYNAMODB_ENDPOINT and TABLE_NAME, or AWS credentials and TABLE_NAME'
        : 'or set DYNAMODB_ENDPOINT and TABLE_NAME');
    throw new AppError(
      'storage-unreachable',
      503,
      `No DynamoDB table ${where} is reachable: ${connectionFailure(error)}. ` +
        `Start the local stack with \`npm start\`, ${alternative}.`,
      { cause: error },
    );
  }
  const db = createDocumentClient(client);
  return { client, db, tableName, table: { db, tableName }, where, close: () => client.destroy() };
}
