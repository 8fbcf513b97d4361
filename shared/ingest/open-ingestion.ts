// Opens everything a poll needs against the table: the registry, the compiled roster, the DynamoDB
// feed state store and the article sink. Used by the workers, the local stack and the CLI.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadOutlets, type OutletRegistry } from '../config/outlets.ts';
import { loadRoster, type Roster } from '../config/roster.ts';
import type { TableSettings } from '../config/settings.ts';
import type { PollStorage } from '../feeds/poll/ports.ts';
import { compileMatcher, type Matcher } from '../matching/index.ts';
import type { SearchSink } from '../reach/poll-searches.ts';
import { skippingSearchCopies } from '../reach/search-aware-sink.ts';
import { searchSink } from '../reach/search-sink.ts';
import { type SearchTarget, searchTargets } from '../reach/search-sources.ts';
import { createDocumentClient, createDynamoClient } from '../store/dynamo-client.ts';
import { dynamoFeedStateStore } from '../store/feed-state-store.ts';
import type { TableContext } from '../store/table-context.ts';
import { articleSink } from './article-sink.ts';

/** The news-search side of a poll's storage: the roster's queries and where their results go. */
export interface SearchStorage {
  targets: SearchTarget[];
  matcher: Matcher;
  sink: SearchSink;
}

/** A poll's storage, with the search side when the registry has search sources. */
export type IngestionStorage = PollStorage & { searches?: SearchStorage };

/** The opened ingestion side. */
export interface Ingestion {
  registry: OutletRegistry;
  roster: Roster;
  matcher: Matcher;
  table: TableContext;
  storage: IngestionStorage;
}

/** Loads config files and connects to the table. */
export async function openIngestion(settings: {
  table: TableSettings;
  outletsPath: string;
  rosterPath: string;
}): Promise<Ingestion> {
  const registry = await loadOutlets(settings.outletsPath);
  const roster = loadRoster(settings.rosterPath);
  const matcher = compileMatcher(roster);
  const client = createDynamoClient(settings.table.endpoint ? { endpoint: settings.table.endpoint } : {});
  const table = { db: createDocumentClient(client), tableName: settings.table.tableName };
  const storage = dynamoPollStorage(client, table, matcher, { registry, roster });
  return { registry, roster, matcher, table, storage };
}

/** The poll's storage on the table: feed states, and the sink that matches and stores new articles. */
export function dynamoPollStorage(
  client: DynamoDBClient,
  table: TableContext,
  matcher: Matcher,
  reach?: { registry: OutletRegistry; roster: Roster },
): IngestionStorage {
  return {
    stateStore: dynamoFeedStateStore(table),
    // With search sources, a feed item a search already stored for its outlet is not stored again.
    sink: reach?.registry.searches.some((search) => search.enabled)
      ? skippingSearchCopies(articleSink(table, matcher), table)
      : articleSink(table, matcher),
    close: async () => client.destroy(),
    ...(reach
      ? {
          searches: {
            targets: searchTargets(reach.registry, reach.roster),
            matcher,
            sink: searchSink(table, reach.registry),
          },
        }
      : {}),
  };
}
