// GET /api/openapi.json: the API described from the same zod schemas that validate its requests.
import * as z from 'zod';
import { alertSubscriptionBody, alertSubscriptionPatch } from '../alert-schemas.ts';
import {
  exportQuery,
  manualMentionBody,
  mentionFilterQuery,
  mentionListQuery,
  periodQuery,
  reviewBody,
  reviewHistoryQuery,
  summaryQuery,
} from '../api-schemas.ts';
import { type ApiRoute, json } from '../api-types.ts';
import { coverageBody, eventBody, eventListQuery } from '../event-schemas.ts';
import { leadListQuery, leadReviewBody, outletMarkBody } from '../reach-schemas.ts';
import { reportQuery } from '../report-schemas.ts';
import { digestPreviewQuery } from './digest-preview-route.ts';

type Operation = {
  summary: string;
  query?: () => z.ZodObject;
  body?: () => z.ZodType;
  role?: 'pr-staff';
  pathId?: boolean;
  /** Path parameters beyond `id`. */
  pathParams?: string[];
  produces?: string;
};

const operations: Record<string, Record<string, Operation>> = {
  '/api/health': { get: { summary: 'Liveness; needs no token' } },
  '/api/status': { get: { summary: 'Version, table reachability and the last run of each schedule' } },
  '/api/summary': {
    get: { summary: 'Figures of a period and of the period before it', query: summaryQuery },
  },
  '/api/facebook/summary': {
    get: {
      summary: 'Facebook page figures of a period and of the period before it, from stored snapshots',
      query: periodQuery,
    },
  },
  '/api/mentions': {
    get: { summary: 'Mentions, newest first, with cursor pagination', query: mentionListQuery },
    post: {
      summary: 'Record a manual mention (print, TV, radio)',
      body: manualMentionBody,
      role: 'pr-staff',
    },
  },
  '/api/mention-counts': {
    get: { summary: 'How many mentions match the filters, by review status', query: mentionFilterQuery },
  },
  '/api/mentions/{id}': {
    patch: {
      summary: 'Confirm, reject or undo the review of a mention',
      body: reviewBody,
      role: 'pr-staff',
      pathId: true,
    },
  },
  '/api/mentions/{id}/history': {
    get: {
      summary: 'Reviews of a mention, newest first, with cursor pagination',
      query: reviewHistoryQuery,
      pathId: true,
    },
  },
  '/api/members': { get: { summary: 'People and organisations of the roster' } },
  '/api/outlets': {
    get: { summary: 'Registered outlets and outlets discovered through search, with their origin' },
  },
  '/api/outlets/{id}': {
    patch: {
      summary: 'Mark a discovered outlet (by domain) as not press, or undo it',
      body: outletMarkBody,
      role: 'pr-staff',
      pathId: true,
    },
  },
  '/api/leads': { get: { summary: 'Search results the matcher did not confirm', query: leadListQuery } },
  '/api/leads/{id}': {
    patch: {
      summary: 'Confirm a lead into mentions, or dismiss it',
      body: leadReviewBody,
      role: 'pr-staff',
      pathId: true,
    },
  },
  '/api/feeds': { get: { summary: 'Health of every press source' } },
  '/api/export.csv': {
    get: { summary: 'The filtered mentions as CSV', query: exportQuery, produces: 'text/csv' },
  },
  '/api/digest/preview': {
    get: {
      summary: "The HTML part of a week's digest e-mail; nothing is sent",
      query: digestPreviewQuery,
      produces: 'text/html',
    },
  },
  '/api/alerts/subscriptions': {
    get: { summary: "The caller's alert subscriptions (everyone's for pr-staff); webhook addresses masked" },
    post: {
      summary: 'Subscribe the caller to alerts about members by e-mail or webhook',
      body: alertSubscriptionBody,
    },
  },
  '/api/alerts/subscriptions/{id}': {
    patch: {
      summary: 'Change an own alert subscription (any, for pr-staff)',
      body: alertSubscriptionPatch,
      pathId: true,
    },
    delete: { summary: 'Delete an own alert subscription (any, for pr-staff)', pathId: true },
  },
  '/api/events': {
    get: {
      summary: 'Outreach events of a period, oldest first, with coverage counts',
      query: eventListQuery,
    },
    post: { summary: 'Record an outreach event', body: eventBody, role: 'pr-staff' },
  },
  '/api/events/{id}': {
    get: { summary: 'One outreach event', pathId: true },
    put: {
      summary: 'Replace the fields of an outreach event',
      body: eventBody,
      role: 'pr-staff',
      pathId: true,
    },
    delete: { summary: 'Delete an outreach event (its history stays)', role: 'pr-staff', pathId: true },
  },
  '/api/events/{id}/history': { get: { summary: 'Changes of an event, newest first', pathId: true } },
  '/api/events/{id}/coverage': {
    get: { summary: 'Confirmed coverage of an event and the mentions proposed as coverage', pathId: true },
  },
  '/api/events/{id}/coverage/{mentionId}': {
    put: {
      summary: 'Confirm a mention as coverage of the event, or remove it',
      body: coverageBody,
      role: 'pr-staff',
      pathId: true,
      pathParams: ['mentionId'],
    },
  },
  '/api/reports/outcomes': {
    get: { summary: 'The outcomes report of a period, with its opening sentences', query: reportQuery },
  },
  '/api/reports/outcomes.pdf': {
    get: {
      summary: 'The outcomes report of a period as a PDF',
      query: reportQuery,
      produces: 'application/pdf',
    },
  },
  '/api/openapi.json': { get: { summary: 'This document' } },
};

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, requestId: { type: 'string' } },
      required: ['code', 'message', 'requestId'],
    },
  },
};

/** API Gateway's JWT authorizer answers before the function, in its own shape. */
const authorizerErrorSchema = { type: 'object', properties: { message: { type: 'string' } } };

function describe(path: string, operation: Operation) {
  const open = path === '/api/health';
  const shape = operation.query?.().shape ?? {};
  const parameters = [
    ...(operation.pathId ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : []),
    ...(operation.pathParams ?? []).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    })),
    ...Object.entries(shape).map(([name, schema]) => ({
      name,
      in: 'query',
      required: !(schema as z.ZodType).safeParse(undefined).success,
      schema: z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }),
    })),
  ];
  const errors = ['400', '401', '403', '404', '409'].filter((code) => !(open && code !== '400'));
  return {
    summary: operation.summary + (operation.role ? ' (pr-staff only)' : ''),
    ...(open ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: z.toJSONSchema(operation.body(), { io: 'input', unrepresentable: 'any' }),
              },
            },
          },
        }
      : {}),
    responses: {
      [operation.body && !operation.pathId ? '201' : '200']: {
        description: 'OK',
        content: { [operation.produces ?? 'application/json']: {} },
      },
      ...Object.fromEntries(
        errors.map((code) => [
          code,
          {
            description: code === '401' ? 'Missing or invalid token, refused by the JWT authorizer' : 'Error',
            content: { 'application/json': { schema: code === '401' ? authorizerErrorSchema : errorSchema } },
          },
        ]),
      ),
    },
  };
}

// Built on the first request for it, not at import: converting the schemas is the costly part.
const documents = new Map<string, ReturnType<typeof buildDocument>>();

/** The OpenAPI 3.1 document of the API, built once per version. */
export function openApiDocument(version: string) {
  let document = documents.get(version);
  if (!document) {
    document = buildDocument(version);
    documents.set(version, document);
  }
  return document;
}

function buildDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: { title: 'Council press tracker API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths: Object.fromEntries(
      Object.entries(operations).map(([path, methods]) => [
        path,
        Object.fromEntries(
          Object.entries(methods).map(([method, operation]) => [method, describe(path, operation)]),
        ),
      ]),
    ),
  };
}

export const openApiRoute: ApiRoute = {
  method: 'GET',
  path: '/api/openapi.json',
  access: 'read',
  handle: async (_request, deps) => json(200, openApiDocument(deps.version)),
};
