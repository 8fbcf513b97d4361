// Entry point of the weekly digest, started by the Monday 09:00 (Asia/Baku) schedule: sends the
// past ISO week's digest once to every reader and records the run for /api/status.
import { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import { describeRun, runWeeklyDigest } from '#shared/digest/digest-run.ts';
import type { SendDigestDeps } from '#shared/digest/send-weekly-digest.ts';
import { metricNames } from '#shared/observability/metric-names.ts';
import type { MetricsSink } from '#shared/observability/metrics-port.ts';
import { powertoolsMetrics } from '#shared/observability/powertools-metrics.ts';
import { recordedRun } from '#shared/store/schedule-runs.ts';
import { digestDependenciesFromEnv } from './digest-dependencies.ts';

/** The scheduler's event: its schedule id; an operator may name a week (`2026-W48`). */
export interface WeeklyDigestEvent {
  scheduleId?: string;
  week?: string;
}

/** The handler over its dependencies, for the local stack and tests. */
export function createWeeklyDigestHandler(
  deps: SendDigestDeps,
  logger?: Pick<Logger, 'info'>,
  metrics?: MetricsSink,
) {
  return async (event: WeeklyDigestEvent = {}) =>
    recordedRun(deps.table, event.scheduleId ?? 'weekly-digest', async () => {
      const report = await runWeeklyDigest(deps, event.week ? { week: event.week } : {});
      logger?.info('digest sent', { ...report });
      // The "digest not sent" alarm watches this: a week without a data point raises it.
      metrics?.record({ name: metricNames.digestsSent, value: report.sent.length, unit: 'Count' });
      metrics?.flush();
      return {
        detail: describeRun(report),
        summary: {
          code: 'digest-sent',
          values: { week: report.week, sent: report.sent.length, skipped: report.skipped.length },
        },
      };
    });
}

const logger = new Logger({ serviceName: 'weekly-digest' });
let built: ReturnType<typeof createWeeklyDigestHandler> | undefined;

/** The deployed handler; its dependencies are built from the environment on the first invocation. */
export const handler = middy<WeeklyDigestEvent>().handler(async (event) => {
  built ??= createWeeklyDigestHandler(
    await digestDependenciesFromEnv(),
    logger,
    powertoolsMetrics('weekly-digest'),
  );
  return built(event);
});
