import type { ProblemHeader } from '../errors.js';
import type { ResponseHeader } from '../http/route.js';

/**
 * Response headers of the API as reusable OpenAPI header components, by lower-case name.
 * Names are case-insensitive on the wire; `name` is how the document spells them. The
 * patterns are what the handlers send (lib/http/http-handler.ts, lib/errors.ts), and the
 * contract test checks every response against them.
 */
export const RESPONSE_HEADERS = {
  'x-request-id': {
    component: 'XRequestId',
    name: 'X-Request-Id',
    description:
      'The id of this request, as in every log line of it (and `requestId` of a problem). Quote it.',
    required: true,
    schema: { type: 'string', minLength: 1 },
  },
  etag: {
    component: 'ETag',
    name: 'ETag',
    description: 'Strong ETag of the resource’s current version; send it back as `If-Match` to change it.',
    required: true,
    schema: { type: 'string', pattern: '^"[0-9]+"$' },
  },
  location: {
    component: 'Location',
    name: 'Location',
    description: 'Path of the resource this request created.',
    required: true,
    schema: { type: 'string', pattern: '^/' },
  },
  'idempotent-replayed': {
    component: 'IdempotentReplayed',
    name: 'Idempotent-Replayed',
    description:
      'Present on a retry with the same `Idempotency-Key` and body, answered with what the first request did.',
    required: true,
    schema: { type: 'string', const: 'true' },
  },
  'cache-control': {
    component: 'CacheControl',
    name: 'Cache-Control',
    description: 'How long the answer may be cached.',
    required: true,
    schema: { type: 'string', minLength: 1 },
  },
  'www-authenticate': {
    component: 'WWWAuthenticate',
    name: 'WWW-Authenticate',
    description: 'The authentication scheme to use: a bearer JWT.',
    required: true,
    schema: { type: 'string', pattern: '^Bearer\\b' },
  },
  'retry-after': {
    component: 'RetryAfter',
    name: 'Retry-After',
    description: 'Seconds to wait before retrying.',
    required: true,
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  allow: {
    component: 'Allow',
    name: 'Allow',
    description: 'The methods this path supports.',
    required: true,
    schema: { type: 'string', pattern: '^[A-Z]+(, ?[A-Z]+)*$' },
  },
} as const satisfies Record<
  ResponseHeader | ProblemHeader | 'x-request-id',
  {
    component: string;
    name: string;
    description: string;
    required: boolean;
    schema: Record<string, unknown>;
  }
>;

export type HeaderName = keyof typeof RESPONSE_HEADERS;

/** The `headers` of an OpenAPI response: references to the header components. */
export const headerRefs = (names: Iterable<HeaderName>) =>
  Object.fromEntries(
    [...new Set(['x-request-id' as HeaderName, ...names])].map((name) => [
      RESPONSE_HEADERS[name].name,
      { $ref: `#/components/headers/${RESPONSE_HEADERS[name].component}` },
    ]),
  );

/** Headers sent only sometimes: the component's text, not required. */
export const optionalHeaders = (names: Iterable<HeaderName>) =>
  Object.fromEntries(
    [...names].map((name) => {
      const { name: spelled, description, schema } = RESPONSE_HEADERS[name];
      return [spelled, { description: `${description} Not always sent.`, required: false, schema }];
    }),
  );

/** `components.headers` of the document. */
export const headerComponents = () =>
  Object.fromEntries(
    Object.values(RESPONSE_HEADERS).map(({ component, description, required, schema }) => [
      component,
      { description, required, schema },
    ]),
  );
