import type * as z from 'zod';
import type { Permission } from '../auth/roles.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ResponseContract {
  description: string;
  schema?: z.ZodType;
  /** Response headers worth documenting, e.g. ETag and Location. */
  headers?: readonly ('etag' | 'location')[];
}

/**
 * The HTTP contract of one operation, declared once: the app definition attaches it to a
 * function (CDK route + authorizer, local gateway), the HTTP chain validates and
 * authorizes with it, and the OpenAPI document is generated from it.
 */
export interface RouteContract<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  THeaders extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: HttpMethod;
  /** API Gateway path template, e.g. `/stores/{storeId}`. */
  path: `/${string}`;
  summary: string;
  tag: string;
  /** The permission the caller needs, or `public` for routes without the JWT authorizer. */
  access: Permission | 'public';
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  /** Request headers the operation reads (names lower-case), e.g. `idempotency-key`. */
  headers?: THeaders;
  /** Writes that require `If-Match` with the current version (optimistic concurrency). */
  requiresIfMatch?: boolean;
  responses: Partial<Record<200 | 201 | 204, ResponseContract>>;
  /** Error statuses this operation can answer with, documented in OpenAPI. */
  errors: readonly number[];
}

/** Keeps the literal type of a contract, so handlers get typed params, query, body and principal. */
export const defineRoute = <const R extends RouteContract>(route: R): R => route;

/** The API Gateway route key, e.g. `GET /stores/{storeId}`. */
export const routeKey = (route: { method: HttpMethod | 'HEAD'; path: RouteContract['path'] }): string =>
  `${route.method} ${route.path}`;
