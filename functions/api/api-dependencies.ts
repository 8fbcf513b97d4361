// Everything the API's routes need, built once per cold start and passed to every route.
import { alertSealFromEnv } from '#shared/alerts/alert-key-source.ts';
import { webhookAllowListFromEnv } from '#shared/alerts/webhook-allow-list.ts';
import type { WebhookSeal } from '#shared/alerts/webhook-seal.ts';
import { loadOutlets, type OutletRegistry, resolveOutletsPath } from '#shared/config/outlets.ts';
import { loadRoster, type Roster, resolveRosterPath } from '#shared/config/roster.ts';
import { optionalEnv, type TableSettings, tableSettingsFromEnv } from '#shared/config/settings.ts';
import type { FacebookWeekPort, PendingLeadsPort } from '#shared/digest/digest-ports.ts';
import { facebookSettingsFromEnv } from '#shared/facebook/facebook-settings.ts';
import { facebookWeekPort } from '#shared/facebook/facebook-summary.ts';
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
  /** The Facebook page's week for the digest preview, when a page is configured. */
  facebookWeek?: FacebookWeekPort;
  /** Leads waiting for review, for the digest preview. */
  pendingLeads?: PendingLeadsPort;
  /** The council's Facebook page (FACEBOOK_PAGE_ID); the Facebook routes answer "not configured" without it. */
  facebookPageId?: string | undefined;
  /** The seal of webhook addresses, opened on first use (a SecureString parameter or the local key file). */
  alertSeal?: () => Promise<WebhookSeal>;
  /** Private addresses a webhook may reach (ALERT_WEBHOOK_ALLOW_PRIVATE); plain http is accepted only then. */
  alertWebhookAllowPrivate?: readonly string[];
}

/** Where the API finds its table and files, and what it tells the dashboard. */
export interface ApiConfig {
  table: TableSettings;
  outletsPath: string;
  rosterPath: string;
  version: string;
  scheduleIds: string[];
  auth: DashboardAuthConfig;
  /** The council's Facebook page, when one is configured. */
  facebookPageId?: string | undefined;
}

/** Connects to the table and loads the registry and roster a configuration names. */
export async function openApiDependencies(config: ApiConfig): Promise<ApiDependencies> {
  const client = createDynamoClient(config.table.endpoint ? { endpoint: config.table.endpoint } : {});
  const table = { db: createDocumentClient(client), tableName: config.table.tableName };
  const facebookWeek = facebookWeekPort(table, config.facebookPageId);
  return {
    table,
    registry: await loadOutlets(config.outletsPath),
    roster: loadRoster(config.rosterPath),
    version: config.version,
    scheduleIds: config.scheduleIds,
    auth: config.auth,
    now: () => new Date(),
    facebookPageId: config.facebookPageId,
    alertSeal: once(alertSealFromEnv),
    alertWebhookAllowPrivate: webhookAllowListFromEnv(),
    ...(facebookWeek ? { facebookWeek } : {}),
  };
}

/** The configuration the deployed function gets: TABLE_NAME, OUTLETS_FILE, AUTH_DOMAIN and the rest. */
export function apiConfigFromEnv(scheduleIds: string[]): ApiConfig {
  const domain = optionalEnv('AUTH_DOMAIN');
  const clientId = optionalEnv('AUTH_CLIENT_ID');
  return {
    table: tableSettingsFromEnv(),
    outletsPath: resolveOutletsPath(),
    rosterPath: resolveRosterPath(),
    version: optionalEnv('APP_VERSION', 'dev') as string,
    scheduleIds,
    auth: domain && clientId ? { mode: 'cognito', domain, clientId } : { mode: 'local' },
    facebookPageId: facebookSettingsFromEnv()?.pageId,
  };
}

/** Builds the dependencies from the environment and the configured files. */
export function dependenciesFromEnv(scheduleIds: string[]): Promise<ApiDependencies> {
  return openApiDependencies(apiConfigFromEnv(scheduleIds));
}

/** Calls `make` once and keeps its promise; a rejection is forgotten, so the next call tries again. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= make().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
