import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { AppError, InternalError, ServiceUnavailableError } from '../errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
]);

/** Any thrown value becomes an AppError; unknown ones become a generic 500 or 503. */
export const toAppError = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  const name = error instanceof Error ? error.name : '';
  if (THROTTLING.has(name)) {
    return new ServiceUnavailableError({ detail: 'Please retry shortly.', cause: error });
  }
  return new InternalError({ cause: error });
};

/** RFC 9457 problem document for an error; internal details never leave the process. */
export const problemDocument = (error: AppError, requestId?: string): ProblemDocument => ({
  type: `/problems/${error.slug}`,
  title: error.title,
  status: error.status,
  detail: error.expose
    ? error.detail
    : 'Something went wrong on our side. Please retry, or quote the request id.',
  ...(error.expose && error.errors ? { errors: error.errors } : {}),
  ...(error.expose ? error.extensions : {}),
  ...(requestId ? { requestId } : {}),
});

export const problemResponse = (error: AppError, requestId?: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode: error.status,
  headers: {
    'content-type': PROBLEM_CONTENT_TYPE,
    ...(error.status === 503 ? { 'retry-after': '1' } : {}),
    ...error.headers,
  },
  body: JSON.stringify(problemDocument(error, requestId)),
});
