/**
 * Which problem types each operation can answer with, and the schema of each type's document.
 * A route lists its domain problems (`errors` in lib/<domain>/*-routes.ts); the statuses that
 * follow from its contract are added here, so that a new route is documented fully from what
 * it declares: 401/403 unless public, 400 for any input, 413/415 for a body, 412/428 for
 * If-Match, 422 for an Idempotency-Key, 503 when its function uses the table, 431 and 500
 * always.
 */

import { IdempotencyKeyReusedError } from '../db/idempotency.js';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  InternalError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  PreconditionRequiredError,
  type ProblemType,
  problemDocsOf,
  RequestHeaderFieldsTooLargeError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnprocessableEntityError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors.js';
import type { DocumentedContract, ErrorDeclaration, ProblemSource, RouteContract } from '../http/route.js';
import * as z from '../zod.js';

/** The generic problem types of each status: what a bare status in `errors` stands for. */
export const STATUS_PROBLEMS: Readonly<Record<number, readonly ProblemSource[]>> = {
  400: [ValidationError, BadRequestError],
  401: [UnauthorizedError],
  403: [ForbiddenError],
  404: [NotFoundError],
  405: [MethodNotAllowedError],
  409: [ConflictError],
  412: [PreconditionFailedError],
  413: [PayloadTooLargeError],
  415: [UnsupportedMediaTypeError],
  422: [UnprocessableEntityError],
  428: [PreconditionRequiredError],
  431: [RequestHeaderFieldsTooLargeError],
  500: [InternalError],
  503: [ServiceUnavailableError],
};

/** The problem type a class declares itself; an inherited declaration describes its parent. */
export const problemTypeOf = (source: ProblemSource): ProblemType => {
  if (typeof source === 'function' && !Object.hasOwn(source, 'problem')) {
    throw new Error(
      `${(source as { name?: string }).name} declares no problem type of its own: give it \`static override readonly problem = defineProblem({ slug, status, title })\` and its docs with documentProblem (lib/errors.ts).`,
    );
  }
  if (source.problem.internal) {
    throw new Error(`Problem type ${source.problem.slug} is internal and never answered: do not list it.`);
  }
  return source.problem;
};

const statusProblems = (status: number): ProblemType[] => {
  const sources = STATUS_PROBLEMS[status];
  if (!sources) {
    throw new Error(
      `No generic problem type for status ${status}: list the error class that answers it instead (lib/errors.ts).`,
    );
  }
  return sources.map(problemTypeOf);
};

const pascal = (slug: string) =>
  slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/** `components.schemas` name of a problem type's document. */
export const problemSchemaName = (type: ProblemType): string => `${pascal(type.slug)}Problem`;

export const FieldIssueSchema = z
  .object({
    path: z
      .string()
      .clone()
      .register(z.globalRegistry, { description: 'The field at fault, e.g. `body.variants[1].sku`.' }),
    message: z.string(),
  })
  .clone()
  .register(z.globalRegistry, { id: 'FieldIssue' });

const schemas = new Map<string, { type: ProblemType; schema: z.ZodMiniObject }>();

/**
 * The schema of one problem type's document (RFC 9457): `type`, `status` fixed, `detail`,
 * `requestId`, `errors` when it names fields, and the members the type declares. Closed, so
 * that a member a handler adds without declaring it fails the contract test.
 */
export const problemSchema = (type: ProblemType): z.ZodMiniObject => {
  const known = schemas.get(type.slug);
  if (known) {
    if (known.type !== type) throw new Error(`Two problem types are declared with slug ${type.slug}.`);
    return known.schema;
  }
  const docs = problemDocsOf(type);
  const schema = z
    .object({
      type: z.literal(`/problems/${type.slug}`),
      title: z
        .string()
        .clone()
        .register(z.globalRegistry, { examples: [type.title] }),
      status: z.literal(type.status),
      detail: z.optional(z.string()),
      requestId: z
        .string()
        .check(z.minLength(1))
        .clone()
        .register(z.globalRegistry, { description: 'Same as the `X-Request-Id` header.' }),
      errors: type.fieldErrors
        ? z.array(FieldIssueSchema).check(z.minLength(1))
        : z.optional(z.array(FieldIssueSchema)),
      ...docs.extensions,
    })
    .clone()
    .register(z.globalRegistry, {
      id: problemSchemaName(type),
      title: type.title,
      description: docs.description,
    });
  schemas.set(type.slug, { type, schema });
  return schema;
};

/** A problem type an operation answers with, and what it means there when the route says. */
export interface OperationProblem {
  type: ProblemType;
  when?: string;
}

const IDEMPOTENCY_HEADER = 'idempotency-key';

/** Whether the route reads an `Idempotency-Key` (its headers schema names it). */
export const takesIdempotencyKey = (route: RouteContract): boolean =>
  route.headers instanceof z.ZodMiniObject && IDEMPOTENCY_HEADER in route.headers.shape;

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Whether the operation reads a request body (declared, or by its method). */
export const takesBody = (route: RouteContract): boolean =>
  route.body !== undefined || BODY_METHODS.has(route.method);

/** The problem types implied by the contract itself, before what the route declares. */
const impliedProblems = (route: RouteContract, usesTable: boolean): ErrorDeclaration[] => [
  ...(route.params || route.query || route.headers || route.requiresIfMatch || takesBody(route) ? [400] : []),
  ...(route.access === 'public' ? [] : [401, 403]),
  ...(route.requiresIfMatch ? [412, 428] : []),
  ...(takesBody(route) ? [413, 415] : []),
  ...(takesIdempotencyKey(route) ? [IdempotencyKeyReusedError] : []),
  431,
  500,
  ...(usesTable ? [503] : []),
];

const declared = (declaration: ErrorDeclaration): OperationProblem[] => {
  if (typeof declaration === 'number') return statusProblems(declaration).map((type) => ({ type }));
  if ('when' in declaration) {
    const types =
      'status' in declaration ? statusProblems(declaration.status) : [problemTypeOf(declaration.type)];
    return types.map((type) => ({ type, when: declaration.when }));
  }
  return [{ type: problemTypeOf(declaration) }];
};

/** Every problem type the operation can answer with, by status (ascending). */
export const operationProblems = (
  route: DocumentedContract,
  options: { usesTable: boolean },
): Map<number, OperationProblem[]> => {
  const bySlug = new Map<string, OperationProblem>();
  for (const declaration of [...impliedProblems(route, options.usesTable), ...route.errors]) {
    for (const problem of declared(declaration)) {
      const previous = bySlug.get(problem.type.slug);
      bySlug.set(problem.type.slug, { type: problem.type, when: problem.when ?? previous?.when });
    }
  }
  const byStatus = new Map<number, OperationProblem[]>();
  for (const problem of [...bySlug.values()].sort((a, b) => a.type.status - b.type.status)) {
    byStatus.set(problem.type.status, [...(byStatus.get(problem.type.status) ?? []), problem]);
  }
  return byStatus;
};

/** The generic types of a status, for answers no operation gives (API Gateway's `$default` route). */
export const genericProblems = (status: number): OperationProblem[] =>
  statusProblems(status).map((type) => ({ type }));
