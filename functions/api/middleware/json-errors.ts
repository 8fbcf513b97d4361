// A middy error middleware answering every failure as { error: { code, message, requestId } }.
// Client errors keep their message; anything else reaches the client as a bare 500 and the log in full.

import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { AppError } from '#shared/errors.ts';

interface HttpLikeError {
  statusCode?: number;
  expose?: boolean;
  message?: string;
  code?: string;
}

const codeByStatus: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/** Builds the middleware; `logger` receives unexpected errors. */
export function jsonErrors(
  logger: Logger,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context> {
  return {
    onError: async (request) => {
      const error = request.error as (Error & HttpLikeError) | null;
      const requestId = request.event.requestContext?.requestId ?? request.context.awsRequestId ?? 'local';
      const status =
        error?.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
      const exposed = status < 500 && (error instanceof AppError ? error.expose : error?.expose !== false);
      if (!exposed) logger.error('Unhandled error', { error: error ?? undefined, requestId });
      const code = error instanceof AppError ? error.code : (codeByStatus[status] ?? 'internal');
      const body = {
        error: {
          code: exposed ? code : 'internal',
          message: exposed ? (error?.message ?? 'Request failed') : 'Internal server error',
          requestId,
          ...(exposed && error instanceof AppError && error.details ? { details: error.details } : {}),
        },
      };
      request.response = {
        statusCode: exposed ? status : 500,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        body: JSON.stringify(body),
      };
    },
  };
}
