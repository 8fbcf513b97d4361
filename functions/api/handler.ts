// Entry point of the API function: one Lambda behind the HTTP API serving JSON, CSV and the dashboard.
// `createApiHandler` takes its dependencies (the local stack and the tests call it); `handler` builds
// them from the environment on the first request, so importing the bundle stays cheap.
import { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { type MetricsSink, noMetrics } from '#shared/observability/metrics-port.ts';
import { powertoolsMetrics } from '#shared/observability/powertools-metrics.ts';
import { lazyHandler } from '#shared/runtime/lazy-handler.ts';
import { schedules } from '#shared/schedules.ts';
import { type ApiDependencies, dependenciesFromEnv } from './api-dependencies.ts';
import { buildRouter } from './api-router.ts';
import { apiRoutes } from './api-routes.ts';
import { jsonErrors } from './middleware/json-errors.ts';
import { routeLatency } from './middleware/route-latency.ts';

/** The API handler over the given dependencies: routes, access rules and JSON errors. */
export function createApiHandler(
  deps: ApiDependencies,
  logger = new Logger({ serviceName: 'api' }),
  metrics: MetricsSink = noMetrics,
) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
    .use(routeLatency(metrics, apiRoutes))
    .use(httpHeaderNormalizer())
    .use(jsonErrors(logger))
    .handler(buildRouter(apiRoutes, deps));
}

/** The deployed handler; a misconfigured roster or registry fails the first request with a clear message. */
export const handler = lazyHandler(async () =>
  createApiHandler(
    await dependenciesFromEnv(schedules.map((schedule) => schedule.id)),
    new Logger({ serviceName: 'api' }),
    powertoolsMetrics('api'),
  ),
);
