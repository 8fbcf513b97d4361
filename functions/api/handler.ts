// Entry point of the API function: one Lambda behind the HTTP API serving JSON, CSV and the dashboard.
import { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { schedules } from '#shared/schedules.ts';
import { dependenciesFromEnv } from './api-dependencies.ts';
import { buildRouter } from './api-router.ts';
import { apiRoutes } from './api-routes.ts';
import { jsonErrors } from './middleware/json-errors.ts';

const logger = new Logger({ serviceName: 'api' });
// Loaded once per cold start; a misconfigured roster or registry fails the start with a clear message.
const deps = await dependenciesFromEnv(schedules.map((schedule) => schedule.id));

/** The router without middleware, for tests that want raw errors. */
export const lambdaHandler = buildRouter(apiRoutes, deps);

/** The deployed handler. */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>()
  .use(httpHeaderNormalizer())
  .use(jsonErrors(logger))
  .handler(lambdaHandler);
