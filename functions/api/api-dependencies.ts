// Everything the API's routes need, built once per cold start and passed to every route.
import { loadOutlets, type OutletRegistry, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, type Roster, resolveRosterPath } from '#shared/config/roster.ts';
import { optionalEnv, tableSettingsFromEnv } from '#shared/config/settings.ts';
import { facebookSettingsFromEnv } from '#shared/facebook/facebook-settings.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import type { TableContext } from '#shared/store/table-context.ts';

/** How the dashboard signs users in: pasted local tokens, or Cognito's hosted UI. */
export type DashboardAuthConfig = { mode: 'local' } | { mode: 'cognito'; domain: string; clientId: string };

/** The API's adapters and configuration. */
export interface ApiDependencies {
  table: TableContext;
  registry: OutletRegistry;
  roster: Roster;
  version: string;
  /** Ids of the schedules whose last run /api/status reports. */
  scheduleIds: string[];
  auth: DashboardAuthConfig;
  now: () => Date;
  /** The council's Facebook page (FACEBOOK_PAGE_ID); the Facebook routes answer "not configured" without it. */
  facebookPageId?: string | undefined;
}

/** Builds the dependencies from the environment and the configured files. */
export async function dependenciesFromEnv(scheduleIds: string[]): Promise<ApiDependencies> {
  const settings = tableSettingsFromEnv();
  const client = createDynamoClient(settings.endpoint ? { endpoint: settings.endpoint } : {});
  const domain = optionalEnv('AUTH_DOMAIN');
  const clientId = optionalEnv('AUTH_CLIENT_ID');
  return {
    table: { db: createDocumentClient(client), tableName: settings.tableName },
    registry: await loadOutlets(resolveOutletsPath()),
    roster: loadRoster(resolveRosterPath()),
    version: optionalEnv('APP_VERSION', 'dev') as string,
    scheduleIds,
    auth: domain && clientId ? { mode: 'cognito', domain, clientId } : { mode: 'local' },
    now: () => new Date(),
    facebookPageId: facebookSettingsFromEnv()?.pageId,
  };
}
