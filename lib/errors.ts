/**
 * Typed application errors. Like Middy's http-errors, each carries its HTTP status and
 * whether its message may be shown to the caller; the HTTP chain maps them to
 * problem+json in one place (lib/http/problem.ts). Domain code throws these and never
 * builds HTTP responses itself.
 *
 * Each class that answers with its own problem `type` declares it once, as `static problem`
 * (slug, status, title, what it means, and a zod shape of the members it adds). That
 * declaration is the problem type catalog: the error's status, slug and title come from it,
 * and the OpenAPI document gives each route's error responses the schemas of the types the
 * route lists (lib/platform/problem-catalog.ts).
 */
import * as z from './zod.js';

export interface FieldIssue {
  /** JSON-pointer-like path of the field at fault, e.g. `body.variants[1].sku`. */
  path: string;
  message: string;
}

export interface ProblemOptions {
  detail?: string;
  errors?: FieldIssue[];
  /** Extra, caller-safe members added to the problem document (RFC 9457 extensions). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

/** Response headers a problem type always carries (documented from lib/platform/response-headers.ts). */
export type ProblemHeader = 'www-authenticate' | 'allow' | 'retry-after';

/** One problem `type` of the API, as the OpenAPI document describes it. */
export interface ProblemType {
  /** `type` is `/problems/<slug>`. */
  readonly slug: string;
  readonly status: number;
  readonly title: string;
  /** When it is answered and what the caller should do (OpenAPI response description). */
  readonly description: string;
  /** Members this type adds to the document (RFC 9457 extensions), as a zod shape. */
  readonly extensions?: z.core.$ZodShape;
  /** Whether `errors` (the fields at fault) is always present. */
  readonly fieldErrors?: boolean;
  readonly headers?: readonly ProblemHeader[];
  /** Raised and handled inside the service, never answered: kept out of the document. */
  readonly internal?: boolean;
}

/** A problem declaration, typed as the base so subclasses may declare their own. */
export const defineProblem = (type: ProblemType): ProblemType => type;

export abstract class AppError extends Error {
  /**
   * The problem type of this class. A subclass with its own `type` declares its own (an
   * inherited one describes the parent's type); lib/platform/problem-catalog.ts checks that.
   */
  static readonly problem: ProblemType;
  abstract readonly status: number;
  /** Short slug that becomes the problem `type` (`/problems/<slug>`). */
  abstract readonly slug: string;
  abstract readonly title: string;
  /** Whether `detail` may be sent to the caller. 5xx errors never expose theirs. */
  readonly expose: boolean = true;
  readonly detail: string | undefined;
  readonly errors: FieldIssue[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(options: ProblemOptions = {}) {
    super(options.detail, { cause: options.cause });
    this.name = new.target.name;
    this.detail = options.detail;
    this.errors = options.errors;
    this.extensions = options.extensions;
    this.headers = options.headers;
  }
}

/** The declaration of the class an error was made by (its own, or the nearest parent's). */
const declaredBy = (error: AppError): ProblemType => (error.constructor as typeof AppError).problem;

/**
 * An error whose status, slug and title come from its class's `static problem`: the base of
 * every error below, so that a subclass declares its type once. (Subclasses that still set
 * `slug`/`title` as fields override these.)
 */
export abstract class DeclaredError extends AppError {
  readonly status: number = declaredBy(this).status;
  readonly slug: string = declaredBy(this).slug;
  readonly title: string = declaredBy(this).title;
}

export class ValidationError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'validation-error',
    status: 400,
    title: 'Your request is not valid',
    description:
      'Malformed JSON, wrong types, unknown fields, out-of-range values, a bad or foreign cursor, or a rule of the domain; `errors` names each field at fault.',
    fieldErrors: true,
  });
  constructor(errors: FieldIssue[], detail = 'One or more fields are invalid.') {
    super({ detail, errors });
  }
}

export class BadRequestError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'bad-request',
    status: 400,
    title: 'Bad request',
    description:
      'A request that cannot be read or done as sent (e.g. a path that is not validly percent-encoded, or a change too large for one transaction); `detail` says why.',
  });
}

export class UnauthorizedError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'unauthorized',
    status: 401,
    title: 'Authentication required',
    description: 'Missing, invalid or expired bearer token; `WWW-Authenticate` names the scheme.',
    headers: ['www-authenticate'],
  });
  constructor(detail = 'A valid bearer token is required.') {
    super({ detail, headers: { 'www-authenticate': 'Bearer' } });
  }
}

export class ForbiddenError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'forbidden',
    status: 403,
    title: 'Not allowed',
    description: 'The caller’s role lacks the route’s permission, or a finer rule of the domain refuses it.',
  });
}

export class NotFoundError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'not-found',
    status: 404,
    title: 'Not found',
    description: 'No such resource, or one outside the caller’s stores (answered alike).',
  });
}

export class MethodNotAllowedError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'method-not-allowed',
    status: 405,
    title: 'Method not allowed',
    description: 'A known path with a method it does not support; `Allow` lists those it does.',
    headers: ['allow'],
  });
  constructor(allowed: string[]) {
    super({
      detail: `This resource supports ${allowed.join(', ')}.`,
      headers: { allow: allowed.join(', ') },
    });
  }
}

/** Subclassed by domain conflicts (insufficient stock, wrong state) with their own problem type. */
export class ConflictError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'conflict',
    status: 409,
    title: 'Conflict',
    description:
      'Conflicts with data that exists (a duplicate natural key; `errors` names the field) or with a change that landed meanwhile; `detail` says which.',
  });
}

export class PreconditionFailedError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'precondition-failed',
    status: 412,
    title: 'The resource has changed',
    description: '`If-Match` no longer matches: read the resource again (`currentVersion`) and retry.',
    extensions: {
      currentVersion: z
        .optional(z.number().check(z.int(), z.gte(1)))
        .clone()
        .register(z.globalRegistry, { description: 'The version it is at now.' }),
    },
  });
}

export class PayloadTooLargeError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'payload-too-large',
    status: 413,
    title: 'Payload too large',
    description: 'The body is larger than the API accepts.',
  });
}

export class UnsupportedMediaTypeError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'unsupported-media-type',
    status: 415,
    title: 'Unsupported media type',
    description:
      'The body is not sent as `application/json` in UTF-8, or with an encoding the API does not read.',
  });
}

/** Well-formed but unusable, e.g. an Idempotency-Key reused with a different body. */
export class UnprocessableEntityError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'unprocessable-entity',
    status: 422,
    title: 'Request cannot be processed',
    description: 'Well-formed but unusable.',
  });
}

export class PreconditionRequiredError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'precondition-required',
    status: 428,
    title: 'If-Match header required',
    description: '`If-Match` is missing: send the `ETag` you last read.',
  });
}

export class RequestHeaderFieldsTooLargeError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'request-header-fields-too-large',
    status: 431,
    title: 'Request header fields too large',
    description: 'The request’s headers are larger than the API accepts.',
  });
}

/** Anything unexpected. Its message is logged, never sent. */
export class InternalError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'internal-error',
    status: 500,
    title: 'Internal server error',
    description: 'A fault on our side; the body is generic. Quote `requestId`.',
  });
  override readonly expose = false;
}

export class ServiceUnavailableError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'service-unavailable',
    status: 503,
    title: 'Service temporarily unavailable',
    description: 'Throttled or contended: nothing was changed; retry after `Retry-After` seconds.',
    headers: ['retry-after'],
  });
  override readonly expose = false;
}
