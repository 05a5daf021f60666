import type * as z from 'zod/mini';
import type { Permission } from '../auth/roles.js';
import type { ProblemType } from '../errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Response headers a route may declare (documented in lib/platform/response-headers.ts). */
export type ResponseHeader = 'etag' | 'location' | 'idempotent-replayed' | 'cache-control';

export interface ResponseContract {
  description: string;
  /** The `application/json` body. */
  schema?: z.ZodMiniType;
  /** Other media types the answer may be sent as (chosen by `Accept`), e.g. `{ 'text/plain': z.string() }`. */
  otherMediaTypes?: Readonly<Record<string, z.ZodMiniType>>;
  /** Response headers worth documenting, e.g. ETag and Location. */
  headers?: readonly ResponseHeader[];
  /** Headers sent only sometimes (e.g. no ETag for a level never stored). */
  optionalHeaders?: readonly ResponseHeader[];
}

/** What declares a problem type: an AppError subclass with its own `static problem` (lib/errors.ts). */
export interface ProblemSource {
  readonly problem: ProblemType;
}

/**
 * One error answer an operation can give, documented in OpenAPI with the schema of its problem
 * type: an error class (its own problem type), a bare status (the generic type of that status,
 * e.g. 409 `conflict`), or either with `when`, what it means on this route.
 * Statuses that follow from the contract itself need no declaration (lib/platform/problem-catalog.ts).
 */
export type ErrorDeclaration =
  | number
  | ProblemSource
  | { readonly status: number; readonly when: string }
  | { readonly type: ProblemSource; readonly when: string };

/**
 * The HTTP contract of one operation, declared once: the app definition attaches it to a
 * function (CDK route + authorizer, local gateway), the HTTP chain validates and
 * authorizes with it, and the OpenAPI document is generated from it with its `RouteDocs`.
 */
export interface RouteContract<
  TParams extends z.ZodMiniType = z.ZodMiniType,
  TQuery extends z.ZodMiniType = z.ZodMiniType,
  TBody extends z.ZodMiniType = z.ZodMiniType,
  THeaders extends z.ZodMiniType = z.ZodMiniType,
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
}

/**
 * What only the OpenAPI document says about an operation: its answers, with their schemas, and
 * its errors. Declared next to the contract (`documentRoute`) but as a value of its own, so that
 * a function's bundle, which reaches only the contract, neither holds nor builds the response
 * schemas (docs/performance.md, "Bundles and cold starts").
 */
export interface RouteDocs {
  route: RouteContract;
  responses: Partial<Record<200 | 201 | 204, ResponseContract>>;
  /**
   * Error answers this operation can give besides those its contract implies (401/403 unless
   * public, 400 for inputs, 412/428 for If-Match, 413/415 for bodies, 422 for Idempotency-Key,
   * 431, 500, 503): domain problem types and statuses such as 404 and 409.
   */
  errors: readonly ErrorDeclaration[];
}

/** A contract with its docs: what the OpenAPI document and the problem catalog read. */
export type DocumentedContract = RouteContract & Omit<RouteDocs, 'route'>;

/** Keeps the literal type of a contract, so handlers get typed params, query, body and principal. */
export const defineRoute = <const R extends RouteContract>(route: R): R => route;

/** The docs of `route`; declare them right after it, `/* @__PURE__ *\/` like the contract. */
export const documentRoute = (route: RouteContract, docs: Omit<RouteDocs, 'route'>): RouteDocs => ({
  route,
  ...docs,
});

/** The API Gateway route key, e.g. `GET /stores/{storeId}`. */
export const routeKey = (route: { method: HttpMethod | 'HEAD'; path: RouteContract['path'] }): string =>
  `${route.method} ${route.path}`;
