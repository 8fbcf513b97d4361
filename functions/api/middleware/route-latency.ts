// Middy middleware that records each request's latency, labelled with its route's pattern (never the
// raw path, which holds mention ids), published as EMF after every request.
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

/**
 * Records `ApiLatency` in milliseconds for every request, failed or not, with its route as a property:
 * one series for the whole API (a dimension would make one billed series per route), and Logs
 * Insights still gives latency by route: `stats pct(ApiLatency, 95) by route`.
 */
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
      properties: { route },
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
