/**
 * Typed application errors. Like Middy's http-errors, each carries its HTTP status and
 * whether its message may be shown to the caller; the HTTP chain maps them to
 * problem+json in one place (lib/http/problem.ts). Domain code throws these and never
 * builds HTTP responses itself.
 *
 * Each class that answers with its own problem `type` declares it once, as `static problem`
 * (slug, status, title): the error's status, slug and title come from it. What the type means
 * and the zod shape of the members it adds are read only by the problem catalog and the OpenAPI
 * document (lib/platform/problem-catalog.ts), so they are declared beside the class as a value
 * of their own, `documentProblem(Class, { description, extensions })` in a PURE IIFE: esbuild
 * drops them from every bundle (their text and the extensions' schemas are about 3 KiB of
 * `createOrder`), and in Node they register when the module loads, as schemas do with
 * `z.globalRegistry`.
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
  /** Whether `errors` (the fields at fault) is always present. */
  readonly fieldErrors?: boolean;
  readonly headers?: readonly ProblemHeader[];
  /** Raised and handled inside the service, never answered: kept out of the document. */
  readonly internal?: boolean;
}

/** A problem declaration, typed as the base so subclasses may declare their own. */
export const defineProblem = (type: ProblemType): ProblemType => type;

/** What a problem type means, for the document only (see the header). */
export interface ProblemDocs {
  /** When it is answered and what the caller should do (OpenAPI response description). */
  readonly description: string;
  /** Members this type adds to the document (RFC 9457 extensions), as a zod shape. */
  readonly extensions?: z.core.$ZodShape;
}

const problemDocs = new Map<ProblemType, ProblemDocs>();

/** Registers the docs of `source`'s own problem type; declare it in a PURE IIFE beside the class. */
export const documentProblem = (
  source: { readonly problem: ProblemType },
  docs: ProblemDocs,
): ProblemDocs => {
  if (problemDocs.has(source.problem))
    throw new Error(`Problem type ${source.problem.slug} is documented twice`);
  problemDocs.set(source.problem, docs);
  return docs;
};

/** The docs of a problem type; throws when its class declares none (the document needs them). */
export const problemDocsOf = (type: ProblemType): ProblemDocs => {
  const docs = problemDocs.get(type);
  if (!docs) {
    throw new Error(
      `Problem type ${type.slug} has no docs: declare them beside its class with \`export const …Docs = /* @__PURE__ */ (() => documentProblem(Class, { description, extensions }))();\` (lib/errors.ts).`,
    );
  }
  return docs;
};

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
    fieldErrors: true,
  });
  constructor(errors: FieldIssue[], detail = 'One or more fields are invalid.') {
    super({ detail, errors });
  }
}

/** What `ValidationError` means, for the problem catalog and the OpenAPI document only. */
export const validationErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(ValidationError, {
    description:
      'Malformed JSON, wrong types, unknown fields, out-of-range values, a bad or foreign cursor, or a rule of the domain; `errors` names each field at fault.',
  }))();

export class BadRequestError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'bad-request',
    status: 400,
    title: 'Bad request',
  });
}

/** What `BadRequestError` means, for the problem catalog and the OpenAPI document only. */
export const badRequestErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(BadRequestError, {
    description:
      'A request that cannot be read or done as sent (e.g. a path that is not validly percent-encoded, or a change too large for one transaction); `detail` says why.',
  }))();

export class UnauthorizedError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'unauthorized',
    status: 401,
    title: 'Authentication required',
    headers: ['www-authenticate'],
  });
  constructor(detail = 'A valid bearer token is required.') {
    super({ detail, headers: { 'www-authenticate': 'Bearer' } });
  }
}

/** What `UnauthorizedError` means, for the problem catalog and the OpenAPI document only. */
export const unauthorizedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(UnauthorizedError, {
    description: 'Missing, invalid or expired bearer token; `WWW-Authenticate` names the scheme.',
  }))();

export class ForbiddenError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'forbidden',
    status: 403,
    title: 'Not allowed',
  });
}

/** What `ForbiddenError` means, for the problem catalog and the OpenAPI document only. */
export const forbiddenErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(ForbiddenError, {
    description: 'The caller’s role lacks the route’s permission, or a finer rule of the domain refuses it.',
  }))();

export class NotFoundError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'not-found',
    status: 404,
    title: 'Not found',
  });
}

/** What `NotFoundError` means, for the problem catalog and the OpenAPI document only. */
export const notFoundErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(NotFoundError, {
    description: 'No such resource, or one outside the caller’s stores (answered alike).',
  }))();

export class MethodNotAllowedError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'method-not-allowed',
    status: 405,
    title: 'Method not allowed',
    headers: ['allow'],
  });
  constructor(allowed: string[]) {
    super({
      detail: `This resource supports ${allowed.join(', ')}.`,
      headers: { allow: allowed.join(', ') },
    });
  }
}

/** What `MethodNotAllowedError` means, for the problem catalog and the OpenAPI document only. */
export const methodNotAllowedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(MethodNotAllowedError, {
    description: 'A known path with a method it does not support; `Allow` lists those it does.',
  }))();

/** Subclassed by domain conflicts (insufficient stock, wrong state) with their own problem type. */
export class ConflictError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'conflict',
    status: 409,
    title: 'Conflict',
  });
}

/** What `ConflictError` means, for the problem catalog and the OpenAPI document only. */
export const conflictErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(ConflictError, {
    description:
      'Conflicts with data that exists (a duplicate natural key; `errors` names the field) or with a change that landed meanwhile; `detail` says which.',
  }))();

export class PreconditionFailedError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'precondition-failed',
    status: 412,
    title: 'The resource has changed',
  });
}

/** What `PreconditionFailedError` means, for the problem catalog and the OpenAPI document only. */
export const preconditionFailedErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(PreconditionFailedError, {
    description: '`If-Match` no longer matches: read the resource again (`currentVersion`) and retry.',
    extensions: {
      currentVersion: z
        .optional(z.number().check(z.int(), z.gte(1)))
        .clone()
        .register(z.globalRegistry, { description: 'The version it is at now.' }),
    },
  }))();

export class PayloadTooLargeError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'payload-too-large',
    status: 413,
    title: 'Payload too large',
  });
}

/** What `PayloadTooLargeError` means, for the problem catalog and the OpenAPI document only. */
export const payloadTooLargeErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(PayloadTooLargeError, {
    description: 'The body is larger than the API accepts.',
  }))();

export class UnsupportedMediaTypeError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'unsupported-media-type',
    status: 415,
    title: 'Unsupported media type',
  });
}

/** What `UnsupportedMediaTypeError` means, for the problem catalog and the OpenAPI document only. */
export const unsupportedMediaTypeErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(UnsupportedMediaTypeError, {
    description:
      'The body is not sent as `application/json` in UTF-8, or with an encoding the API does not read.',
  }))();

/** Well-formed but unusable, e.g. an Idempotency-Key reused with a different body. */
export class UnprocessableEntityError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'unprocessable-entity',
    status: 422,
    title: 'Request cannot be processed',
  });
}

/** What `UnprocessableEntityError` means, for the problem catalog and the OpenAPI document only. */
export const unprocessableEntityErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(UnprocessableEntityError, {
    description: 'Well-formed but unusable.',
  }))();

export class PreconditionRequiredError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'precondition-required',
    status: 428,
    title: 'If-Match header required',
  });
}

/** What `PreconditionRequiredError` means, for the problem catalog and the OpenAPI document only. */
export const preconditionRequiredErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(PreconditionRequiredError, {
    description: '`If-Match` is missing: send the `ETag` you last read.',
  }))();

export class RequestHeaderFieldsTooLargeError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'request-header-fields-too-large',
    status: 431,
    title: 'Request header fields too large',
  });
}

/** What `RequestHeaderFieldsTooLargeError` means, for the problem catalog and the OpenAPI document only. */
export const requestHeaderFieldsTooLargeErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(RequestHeaderFieldsTooLargeError, {
    description: 'The request’s headers are larger than the API accepts.',
  }))();

/** Anything unexpected. Its message is logged, never sent. */
export class InternalError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'internal-error',
    status: 500,
    title: 'Internal server error',
  });
  override readonly expose = false;
}

/** What `InternalError` means, for the problem catalog and the OpenAPI document only. */
export const internalErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(InternalError, {
    description: 'A fault on our side; the body is generic. Quote `requestId`.',
  }))();

export class ServiceUnavailableError extends DeclaredError {
  static override readonly problem = defineProblem({
    slug: 'service-unavailable',
    status: 503,
    title: 'Service temporarily unavailable',
    headers: ['retry-after'],
  });
  override readonly expose = false;
}

/** What `ServiceUnavailableError` means, for the problem catalog and the OpenAPI document only. */
export const serviceUnavailableErrorDocs = /* @__PURE__ */ (() =>
  documentProblem(ServiceUnavailableError, {
    description: 'Throttled or contended: nothing was changed; retry after `Retry-After` seconds.',
  }))();
