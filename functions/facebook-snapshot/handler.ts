// Entry point of the daily Facebook snapshot: refreshes the page's totals, the posts of the last
// 30 days and their insights, and records the run for /api/status.
import { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { optionalEnv, tableSettingsFromEnv } from '#shared/config/settings.ts';
import {
  envTokenSource,
  type FacebookSettings,
  facebookSettingsFromEnv,
  type TokenSource,
} from '#shared/facebook/facebook-settings.ts';
import { parameterTokenSource } from '#shared/facebook/parameter-token-source.ts';
import {
  type FacebookSyncDeps,
  type SyncOutcome,
  syncFacebookPage,
} from '#shared/facebook/sync-facebook-page.ts';
import { compileMatcher, type Matcher } from '#shared/matching/index.ts';
import { metricNames } from '#shared/observability/metric-names.ts';
import type { MetricsSink } from '#shared/observability/metrics-port.ts';
import { powertoolsMetrics } from '#shared/observability/powertools-metrics.ts';
import { createDocumentClient, createDynamoClient } from '#shared/store/dynamo-client.ts';
import { type RunSummary, recordedRun } from '#shared/store/schedule-runs.ts';
import type { TableContext } from '#shared/store/table-context.ts';
import { addDays, bakuDay } from '#shared/time/baku-calendar.ts';

/** Posts younger than this are refreshed every day; older ones keep their last counts. */
export const refreshDays = 30;

/** What the snapshot handler is built from. */
export interface FacebookSnapshotDeps {
  table: TableContext;
  /** Undefined when no page is configured: the run records that and does nothing. */
  settings: FacebookSettings | undefined;
  token: TokenSource;
  matcher: Matcher;
  now?: () => Date;
  log?: (line: string) => void;
  retry?: FacebookSyncDeps['retry'];
  /** Receives each run's metrics (EMF in the cloud). */
  metricsSink?: MetricsSink;
}

/** Builds the handler over its dependencies (the cloud, the local stack and tests use it alike). */
export function createFacebookSnapshotHandler(deps: FacebookSnapshotDeps) {
  return async (event: { scheduleId?: string } = {}) =>
    recordedRun(deps.table, event.scheduleId ?? 'facebook-snapshot', async () => {
      if (!deps.settings) {
        return { detail: 'no Facebook page configured', summary: { code: 'facebook-no-page', values: {} } };
      }
      const today = bakuDay(deps.now?.() ?? new Date());
      const result = await syncFacebookPage(
        { ...deps, settings: deps.settings, ...(deps.log ? { progress: deps.log } : {}) },
        { since: addDays(today, -refreshDays), until: today },
      );
      recordSnapshotMetrics(deps.metricsSink, result.outcome);
      // Only a sync has figures to word; the other outcomes are words by their code alone.
      const values: RunSummary['values'] =
        result.outcome === 'synced' ? { posts: result.posts, days: result.insightDays } : {};
      return {
        detail: `${result.outcome}: ${result.detail}`,
        summary: { code: `facebook-${result.outcome}`, values },
      };
    });
}

/** A run that reached Graph counts as a Facebook call; a rejected token raises the token alarm. */
function recordSnapshotMetrics(metrics: MetricsSink | undefined, outcome: SyncOutcome): void {
  if (!metrics) return;
  const calledGraph = outcome === 'synced' || outcome === 'rate-limited' || outcome === 'token-rejected';
  metrics.record({ name: metricNames.facebookCalls, value: calledGraph ? 1 : 0, unit: 'Count' });
  metrics.record({
    name: metricNames.facebookTokenRejected,
    value: outcome === 'token-rejected' ? 1 : 0,
    unit: 'Count',
  });
  metrics.flush();
}

const logger = new Logger({ serviceName: 'facebook-snapshot' });
let built: ReturnType<typeof createFacebookSnapshotHandler> | undefined;

function fromEnv() {
  const settings = tableSettingsFromEnv();
  const tokenParameter = optionalEnv('FACEBOOK_TOKEN_PARAMETER');
  return createFacebookSnapshotHandler({
    table: { db: createDocumentClient(createDynamoClient(settings)), tableName: settings.tableName },
    settings: facebookSettingsFromEnv(),
    token: tokenParameter ? parameterTokenSource(tokenParameter) : envTokenSource,
    matcher: compileMatcher(loadRoster(resolveRosterPath())),
    log: (line) => logger.info(line),
    metricsSink: powertoolsMetrics('facebook-snapshot'),
  });
}

/** The deployed handler, built from the environment on its first invocation. */
export const handler = middy<{ scheduleId?: string }>().handler(async (event) => {
  built ??= fromEnv();
  return built(event ?? {});
});
