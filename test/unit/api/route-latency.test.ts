// Latency is recorded per route pattern, never per raw path, and also for requests that fail.
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { collectingMetrics } from '#shared/observability/metrics-port.ts';
import { routeLabeler, routeLatency } from '../../../functions/api/middleware/route-latency.ts';

const routes = [
  { method: 'GET', path: '/api/mentions' },
  { method: 'POST', path: '/api/mentions/{mentionId}/review' },
  { method: 'GET', path: '/{proxy+}' },
];

const event = (method: string, rawPath: string) =>
  ({ rawPath, requestContext: { http: { method } } }) as unknown as APIGatewayProxyEventV2;

describe('route latency', () => {
  it('labels a path by its route pattern', () => {
    const label = routeLabeler(routes);
    expect(label('POST', '/api/mentions/m-123/review')).toBe('POST /api/mentions/{mentionId}/review');
    expect(label('GET', '/api/mentions')).toBe('GET /api/mentions');
    expect(label('GET', '/js/app.js')).toBe('GET /{proxy+}');
    expect(label('DELETE', '/api/mentions')).toBe('unmatched');
  });

  it('records one point per request, failed or not', async () => {
    const metrics = collectingMetrics();
    let clock = 0;
    const handler = middy<APIGatewayProxyEventV2, unknown>()
      .use(routeLatency(metrics, routes, () => (clock += 5)))
      .handler(async (request) => {
        if (request.rawPath.includes('boom')) throw new Error('boom');
        return { statusCode: 200 };
      });
    await handler(event('GET', '/api/mentions'), {} as never);
    await expect(handler(event('POST', '/api/mentions/boom/review'), {} as never)).rejects.toThrow('boom');
    expect(metrics.points.map((point) => [point.value, point.properties?.route])).toEqual([
      [5, 'GET /api/mentions'],
      [5, 'POST /api/mentions/{mentionId}/review'],
    ]);
  });
});
