import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  AppError,
  BadRequestError,
  InternalError,
  PayloadTooLargeError,
  UnauthorizedError,
} from '../../lib/errors.js';
import { problemResponse } from '../../lib/http/problem.js';

/** The gateway's own answers, as problem+json from the same builder the handlers use. */
export const gatewayProblem = (error: AppError, requestId: string): APIGatewayProxyStructuredResultV2 => {
  const response = problemResponse(error, requestId);
  return { ...response, headers: { ...response.headers, 'x-request-id': requestId } };
};

export const unauthorized = (detail: string | undefined, requestId: string) =>
  gatewayProblem(new UnauthorizedError(detail), requestId);

export const payloadTooLarge = (limitBytes: number, requestId: string) =>
  gatewayProblem(
    new PayloadTooLargeError({ detail: `The body may be at most ${limitBytes} bytes.` }),
    requestId,
  );

export const badRequest = (detail: string, requestId: string) =>
  gatewayProblem(new BadRequestError({ detail }), requestId);

/**
 * 431 lives here rather than in lib/errors.ts: no function ever answers it; in AWS API
 * Gateway refuses such a request itself, before any function runs.
 */
export class RequestHeaderFieldsTooLargeError extends AppError {
  readonly status = 431;
  readonly slug = 'request-header-fields-too-large';
  readonly title = 'Request header fields too large';
}

export const headersTooLarge = (limitBytes: number, requestId: string) =>
  gatewayProblem(
    new RequestHeaderFieldsTooLargeError({
      detail: `The request line and headers may be at most ${limitBytes} bytes together.`,
    }),
    requestId,
  );

/** A function that threw or answered garbage: generic 500, details only in the local log. */
export const internalError = (requestId: string) => gatewayProblem(new InternalError(), requestId);
