// Everything the API's routes need, built once per cold start and passed to every route.

import { tableSettingsFromEnv } from '#shared/config/settings.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import type { TableContext } from '#shared/store/table-context.ts';

/** The API's adapters. */
export interface ApiDependencies {
  table: TableContext;
  version: string;
  /** Ids of the schedules whose last run /api/status reports. */
  scheduleIds: string[];
}

/** Builds the dependencies from the environment. */
export function dependenciesFromEnv(scheduleIds: string[], version: string): ApiDependencies {
  const settings = tableSettingsFromEnv();
  const client = createDynamoClient(settings.endpoint ? { endpoint: settings.endpoint } : {});
  return {
    table: { db: createDocumentClient(client), tableName: settings.tableName },
    version,
    scheduleIds,
  };
}
