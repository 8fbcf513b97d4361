// Middy middleware that records each request's latency under its route's pattern (not the raw
// path, which would make one metric per mention id), published as EMF after every request.
import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { metricNames } from '#shared/observability/metric-names.ts';
import type { MetricsSink } from '#shared/observability/metrics-port.ts';

/** The part of a route the label needs. */
interface RoutePattern {
  method: string;
  path: string;
}

/** Builds a function naming the route pattern that serves a method and path, or `unmatched`. */
export function routeLabeler(routes: readonly RoutePattern[]): (method: string, path: string) => string {
  const compiled = routes.map((route) => ({
    label: `${route.method} ${route.path}`,
    method: route.method,
    // `{name}` is one path segment and `{proxy+}` the rest, as in the HTTP API's route syntax.
    pattern: new RegExp(
      `^${route.path
        .split(/(\{[^}]+\})/)
        .map((part) =>
          part.startsWith('{')
            ? part.endsWith('+}')
              ? '.+'
              : '[^/]+'
            : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
        )
        .join('')}$`,
    ),
  }));
  return (method, path) =>
    compiled.find((route) => (route.method === method || route.method === 'ANY') && route.pattern.test(path))
      ?.label ?? 'unmatched';
}

/** Records `ApiLatency` in milliseconds with a `route` dimension for every request, failed or not. */
export function routeLatency(
  metrics: MetricsSink,
  routes: readonly RoutePattern[],
  now: () => number = () => performance.now(),
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> {
  const labelOf = routeLabeler(routes);
  const started = new WeakMap<object, number>();
  const record = (request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2>) => {
    const start = started.get(request.event);
    if (start === undefined) return;
    const route = labelOf(request.event.requestContext?.http?.method ?? 'GET', request.event.rawPath ?? '/');
    metrics.record({
      name: metricNames.apiLatency,
      value: now() - start,
      unit: 'Milliseconds',
      dimensions: { route },
    });
    metrics.flush();
  };
  return {
    before: (request) => {
      started.set(request.event, now());
    },
    after: record,
    onError: record,
  };
}
