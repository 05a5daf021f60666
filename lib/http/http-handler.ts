import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type * as z from 'zod/mini';
import type { Principal } from '../auth/principal.js';
import { assertStoreInScope, isStoreScopedPath } from '../auth/store-scope.js';
import { logger, metrics } from '../observability.js';
import { authorizeRequest } from './authorize-request.js';
import { problemResponse, toAppError } from './problem.js';
import { parseRequestInput } from './request-input.js';
import { type RouteContract, routeKey } from './route.js';

/** The parsed type of an optional route schema (`params`, `query`, `body`). */
type Inferred<T> = [NonNullable<T>] extends [z.ZodMiniType] ? z.output<NonNullable<T>> : undefined;

export interface HttpRequest<R extends RouteContract> {
  params: Inferred<R['params']>;
  query: Inferred<R['query']>;
  body: Inferred<R['body']>;
  headers: Inferred<R['headers']>;
  /** The version the caller read (from If-Match) on routes that require it. */
  ifMatch: R['requiresIfMatch'] extends true ? number : undefined;
  principal: R['access'] extends 'public' ? undefined : Principal;
  requestId: string;
}

export interface HttpResult {
  status: 200 | 201 | 204;
  body?: unknown;
  /** Resource version, sent as a strong ETag. */
  version?: number;
  location?: string;
  headers?: Record<string, string>;
  /** A text body (`body` a string) sent as is with this content type, instead of JSON. */
  contentType?: string;
}

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

const isText = (result: HttpResult): result is HttpResult & { body: string; contentType: string } =>
  result.contentType !== undefined && typeof result.body === 'string';

const toResult = (result: HttpResult): APIGatewayProxyStructuredResultV2 => ({
  statusCode: result.status,
  headers: {
    ...(result.body === undefined
      ? {}
      : { 'content-type': isText(result) ? result.contentType : 'application/json' }),
    ...(result.version === undefined ? {} : { etag: `"${result.version}"` }),
    ...(result.location ? { location: result.location } : {}),
    ...result.headers,
  },
  ...(result.body === undefined ? {} : { body: isText(result) ? result.body : JSON.stringify(result.body) }),
});

const requestIdOf = (event: HttpEvent, context: Context): string =>
  event.requestContext?.requestId ?? context.awsRequestId;

/**
 * The one Middy chain every HTTP function uses: structured logs carrying the request id,
 * metrics, header normalisation, security headers, and any thrown error mapped to
 * problem+json (generic for 5xx, logged in full). Every response carries `x-request-id`, the
 * same id the log lines carry. No CORS here: the HTTP API's own CORS configuration
 * (infra/stacks/api-stack.ts) answers preflights and sets the CORS headers of every response,
 * and API Gateway ignores any a function returns (infra/local/gateway-cors.ts does the same).
 */
export const httpChain = (
  label: string,
  inner: (event: HttpEvent, requestId: string) => Promise<APIGatewayProxyStructuredResultV2>,
) =>
  middy<HttpEvent, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(httpHeaderNormalizer())
    .use(httpSecurityHeaders())
    .handler(async (event, context) => {
      const requestId = requestIdOf(event, context);
      logger.setCorrelationId(requestId);
      logger.appendKeys({ route: label });
      let response: APIGatewayProxyStructuredResultV2;
      try {
        response = await inner(event, requestId);
      } catch (thrown) {
        const error = toAppError(thrown);
        if (error.status >= 500) {
          logger.error('request failed', { status: error.status, error: thrown as Error });
        } else {
          logger.info('request rejected', {
            status: error.status,
            problem: error.slug,
            detail: error.detail,
          });
        }
        response = problemResponse(error, requestId);
      }
      response.headers = { ...response.headers, 'x-request-id': requestId };
      // HEAD is answered by the GET route: the same status and headers, never a body (RFC 9110 §9.3.2).
      if (event.requestContext?.http?.method === 'HEAD') delete response.body;
      // One count per response class (Http2xx, Http4xx, Http5xx) feeds dashboards and alarms.
      metrics.addMetric(`Http${String(response.statusCode ?? 200).charAt(0)}xx`, MetricUnit.Count, 1);
      return response;
    });

/**
 * An HTTP function for one route contract: authenticates and authorizes with the route's
 * declared permission, validates path, query, body and If-Match with its zod schemas, then
 * hands typed input to `handle`, which only calls lib/ and says what to answer.
 */
export const httpHandler = <R extends RouteContract>(
  route: R,
  handle: (request: HttpRequest<R>) => Promise<HttpResult>,
) =>
  httpChain(routeKey(route), async (event, requestId) => {
    const principal = route.access === 'public' ? undefined : await authorizeRequest(event, route.access);
    if (principal) logger.appendKeys({ userId: principal.userId, role: principal.role });
    const input = parseRequestInput<
      HttpRequest<R>['params'],
      HttpRequest<R>['query'],
      HttpRequest<R>['body']
    >(route, event);
    // Every /stores/{storeId}/… route: the store must exist and be the caller's (404 otherwise).
    if (principal && isStoreScopedPath(route.path))
      await assertStoreInScope(principal, (input.params as { storeId: string }).storeId);
    return toResult(await handle({ ...input, principal, requestId } as HttpRequest<R>));
  });
