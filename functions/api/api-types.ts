// The shapes shared by the API's routes: a parsed request, a response, and a route with its access rule.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Caller } from '#shared/auth/roles.ts';
import type { ApiDependencies } from './api-dependencies.ts';

/** public: no token (health, dashboard files); read: any signed-in role; review: pr-staff only. */
export type Access = 'public' | 'read' | 'review';

/** What a route handler receives. */
export interface ApiRequest {
  event: APIGatewayProxyEventV2;
  caller: Caller | undefined;
  query: Record<string, string | undefined>;
  params: Record<string, string | undefined>;
  /** The parsed JSON body, or undefined when there is none. */
  body: unknown;
  requestId: string;
}

/** One route of the API. */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  access: Access;
  handle(request: ApiRequest, deps: ApiDependencies): Promise<APIGatewayProxyStructuredResultV2>;
}

/** A JSON response that no cache keeps. */
export function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}
