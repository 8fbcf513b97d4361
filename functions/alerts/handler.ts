// Entry point of the alerts run, started every few minutes: sends what new mentions and spikes owe
// each subscription, once per alert and channel, and records the run for /api/status.
import { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import { type AlertRunDeps, runAlerts } from '#shared/alerts/run-alerts.ts';
import { metricNames, metricServices } from '#shared/observability/metric-names.ts';
import type { MetricsSink } from '#shared/observability/metrics-port.ts';
import { powertoolsMetrics } from '#shared/observability/powertools-metrics.ts';
import { recordedRun } from '#shared/store/schedule-runs.ts';
import { alertDependenciesFromEnv } from './alert-dependencies.ts';

/** The handler over its dependencies, for the local stack and tests. */
export function createAlertsHandler(
  deps: AlertRunDeps,
  logger?: Pick<Logger, 'info'>,
  metrics?: MetricsSink,
) {
  return async (event: { scheduleId?: string } = {}) =>
    recordedRun(deps.table, event.scheduleId ?? 'alerts', async () => {
      const report = await runAlerts(deps);
      logger?.info('alerts run', { ...report });
      // Only runs that sent something publish: the run is every five minutes, and CloudWatch bills a
      // series for each hour it receives data, so quiet hours cost nothing (a missing point reads as 0).
      if (report.sent > 0) {
        metrics?.record({ name: metricNames.alertsSent, value: report.sent, unit: 'Count' });
        metrics?.flush();
      }
      const { sent, held, failed, subscriptions } = report;
      return {
        detail: `${sent} sent, ${held} held, ${failed} failed, ${subscriptions} subscriptions`,
        summary: { code: 'alerts-run', values: { sent, held, failed, subscriptions } },
      };
    });
}

const logger = new Logger({ serviceName: 'alerts' });
let built: ReturnType<typeof createAlertsHandler> | undefined;

/** The deployed handler; its dependencies are built from the environment on the first invocation. */
export const handler = middy<{ scheduleId?: string }>().handler(async (event) => {
  built ??= createAlertsHandler(
    await alertDependenciesFromEnv(),
    logger,
    powertoolsMetrics(metricServices.alerts),
  );
  return built(event);
});
