// Opens the table of the local stack for `tracker poll` without --dry-run: the endpoint `npm start`
// runs (or DYNAMODB_ENDPOINT), checked first so an operator hears plainly when nothing is there.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { integerEnv, optionalEnv } from '#shared/config/settings.ts';
import { AppError } from '#shared/errors.ts';
import type { PollStorage } from '#shared/feeds/poll/ports.ts';
import { dynamoPollStorage } from '#shared/ingest/open-ingestion.ts';
import { compileMatcher } from '#shared/matching/index.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { localTableName } from '../infra/table.ts';

/** Connects to the local table and builds the matcher from ROSTER_FILE or the default roster. */
export async function openLocalPollStorage(_argv: string[]): Promise<PollStorage> {
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
        'Start the local stack with `npm start`, set DYNAMODB_ENDPOINT and TABLE_NAME, or use --dry-run.',
      { cause: error },
    );
  }
  const table = { db: createDocumentClient(client), tableName };
  return dynamoPollStorage(client, table, compileMatcher(loadRoster(resolveRosterPath())));
}
