/**
 * Typed application errors. Like Middy's http-errors, each carries its HTTP status and
 * whether its message may be shown to the caller; the HTTP chain maps them to
 * problem+json in one place (lib/http/problem.ts). Domain code throws these and never
 * builds HTTP responses itself.
 */
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

export abstract class AppError extends Error {
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

export class ValidationError extends AppError {
  readonly status = 400;
  readonly slug = 'validation-error';
  readonly title = 'Your request is not valid';
  constructor(errors: FieldIssue[], detail = 'One or more fields are invalid.') {
    super({ detail, errors });
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
  readonly slug = 'bad-request';
  readonly title = 'Bad request';
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  readonly slug = 'unauthorized';
  readonly title = 'Authentication required';
  constructor(detail = 'A valid bearer token is required.') {
    super({ detail, headers: { 'www-authenticate': 'Bearer' } });
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly slug = 'forbidden';
  readonly title = 'Not allowed';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly slug = 'not-found';
  readonly title = 'Not found';
}

export class MethodNotAllowedError extends AppError {
  readonly status = 405;
  readonly slug = 'method-not-allowed';
  readonly title = 'Method not allowed';
  constructor(allowed: string[]) {
    super({
      detail: `This resource supports ${allowed.join(', ')}.`,
      headers: { allow: allowed.join(', ') },
    });
  }
}

/** Subclassed by domain conflicts (insufficient stock, wrong state) with their own slug and title. */
export class ConflictError extends AppError {
  readonly status = 409;
  readonly slug: string = 'conflict';
  readonly title: string = 'Conflict';
}

export class PreconditionFailedError extends AppError {
  readonly status = 412;
  readonly slug = 'precondition-failed';
  readonly title = 'The resource has changed';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly slug = 'unsupported-media-type';
  readonly title = 'Unsupported media type';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly slug = 'payload-too-large';
  readonly title = 'Payload too large';
}

/** Well-formed but unusable, e.g. an Idempotency-Key reused with a different body. */
export class UnprocessableEntityError extends AppError {
  readonly status = 422;
  readonly slug: string = 'unprocessable-entity';
  readonly title: string = 'Request cannot be processed';
}

export class PreconditionRequiredError extends AppError {
  readonly status = 428;
  readonly slug = 'precondition-required';
  readonly title = 'If-Match header required';
}

/** Anything unexpected. Its message is logged, never sent. */
export class InternalError extends AppError {
  readonly status = 500;
  readonly slug = 'internal-error';
  readonly title = 'Internal server error';
  override readonly expose = false;
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly slug = 'service-unavailable';
  readonly title = 'Service temporarily unavailable';
  override readonly expose = false;
}
