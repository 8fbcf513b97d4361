// Turns the route table into middy's router, applying each route's access rule before its handler,
// so no route can forget authentication: every /api/* route but health is 'read' or 'review'.
import httpRouterHandler from '@middy/http-router';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { callerFromClaims, requireRole } from '#shared/auth/roles.ts';
import { ValidationError } from '#shared/errors.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import type { ApiRequest, ApiRoute } from './api-types.ts';

type AuthorizedEvent = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

/** The body size the API accepts; manual mentions and reviews are small. */
const maxBodyBytes = 64 * 1024;

/** Builds the middy router over the routes, bound to the dependencies. */
export function buildRouter(routes: readonly ApiRoute[], deps: ApiDependencies) {
  return httpRouterHandler(
    routes.map((route) => ({
      method: route.method,
      path: route.path,
      handler: (event: APIGatewayProxyEventV2) => route.handle(toRequest(route, event), deps),
    })),
  ) as unknown as (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;
}

function toRequest(route: ApiRoute, event: APIGatewayProxyEventV2): ApiRequest {
  const claims = (event as AuthorizedEvent).requestContext.authorizer?.jwt?.claims;
  const caller = route.access === 'public' ? undefined : callerFromClaims(claims);
  if (caller) requireRole(caller, route.access === 'review' ? ['pr-staff'] : ['pr-staff', 'management']);
  return {
    event,
    caller,
    query: event.queryStringParameters ?? {},
    params: event.pathParameters ?? {},
    body: parseBody(event),
    requestId: event.requestContext.requestId,
  };
}

function parseBody(event: APIGatewayProxyEventV2): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > maxBodyBytes)
    throw new ValidationError(`body: larger than ${maxBodyBytes} bytes`);
  const mediaType = (event.headers?.['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new ValidationError('body: send JSON with Content-Type application/json', {
      details: { field: 'body' },
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('body: not valid JSON', { details: { field: 'body' } });
  }
}
