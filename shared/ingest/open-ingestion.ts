// Opens everything a poll needs against the table: the registry, the compiled roster, the DynamoDB
// feed state store and the article sink. Used by the workers, the local stack and the CLI.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadOutlets, type OutletRegistry } from '../config/outlets.ts';
import { loadRoster } from '../config/roster.ts';
import type { TableSettings } from '../config/settings.ts';
import type { PollStorage } from '../feeds/poll/ports.ts';
import { compileMatcher, type Matcher } from '../matching/index.ts';
import { createDocumentClient, createDynamoClient } from '../store/dynamo-client.ts';
import { dynamoFeedStateStore } from '../store/feed-state-store.ts';
import type { TableContext } from '../store/table-context.ts';
import { articleSink } from './article-sink.ts';

/** The opened ingestion side. */
export interface Ingestion {
  registry: OutletRegistry;
  matcher: Matcher;
  table: TableContext;
  storage: PollStorage;
}

/** Loads config files and connects to the table. */
export async function openIngestion(settings: {
  table: TableSettings;
  outletsPath: string;
  rosterPath: string;
}): Promise<Ingestion> {
  const registry = await loadOutlets(settings.outletsPath);
  const matcher = compileMatcher(loadRoster(settings.rosterPath));
  const client = createDynamoClient(settings.table.endpoint ? { endpoint: settings.table.endpoint } : {});
  const table = { db: createDocumentClient(client), tableName: settings.table.tableName };
  return { registry, matcher, table, storage: dynamoPollStorage(client, table, matcher) };
}

/** The poll's storage on the table: feed states, and the sink that matches and stores new articles. */
export function dynamoPollStorage(
  client: DynamoDBClient,
  table: TableContext,
  matcher: Matcher,
): PollStorage {
  return {
    stateStore: dynamoFeedStateStore(table),
    sink: articleSink(table, matcher),
    close: async () => client.destroy(),
  };
}
