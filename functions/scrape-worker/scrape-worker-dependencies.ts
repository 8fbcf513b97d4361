// The worker's dependencies in the cloud: the table, the bundled registry and roster, Powertools logs.
import { Logger } from '@aws-lambda-powertools/logger';
import { resolveOutletsPath } from '#shared/config/outlets.ts';
import { resolveRosterPath } from '#shared/config/roster.ts';
import { tableSettingsFromEnv } from '#shared/config/settings.ts';
import { openIngestion } from '#shared/ingest/open-ingestion.ts';
import { correlatedLogger } from '#shared/observability/correlated-logger.ts';
import { powertoolsMetrics } from '#shared/observability/powertools-metrics.ts';
import type { ScrapeWorkerDependencies } from './handler.ts';

/** Opens the ingestion side from TABLE_NAME, OUTLETS_FILE and ROSTER_FILE. */
export async function scrapeWorkerDependenciesFromEnv(): Promise<ScrapeWorkerDependencies> {
  const logger = new Logger({ serviceName: 'scrape-worker' });
  const ingestion = await openIngestion({
    table: tableSettingsFromEnv(),
    outletsPath: resolveOutletsPath(),
    rosterPath: resolveRosterPath(),
  });
  return {
    registry: ingestion.registry,
    storage: ingestion.storage,
    ...correlatedLogger(logger),
    metrics: powertoolsMetrics('scrape-worker'),
  };
}
