import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PreconditionFailedError, PreconditionRequiredError, ValidationError } from '../errors.js';
import * as z from '../zod.js';
import { assertIdentityEncoding, assertJsonContentType } from './body-headers.js';
import type { RouteContract } from './route.js';
import { parseOrThrow } from './validation.js';
import { unsafeValueIssues } from './value-safety.js';

/**
 * The body of a route that declares none: nothing, or `{}`. Anything else (unknown fields,
 * another JSON value, malformed JSON) is refused like on any other route, so that an action
 * such as `POST …/ship` never runs on a body it did not understand. Same rule for every
 * method: a GET or DELETE with a body is judged by it too, rather than silently ignored.
 */
export const NO_BODY = z.strictObject({});

const utf8 = new TextDecoder('utf-8', { fatal: true });

const rawBodyOf = (event: APIGatewayProxyEventV2): string => {
  if (!event.body) return '';
  if (!event.isBase64Encoded) return event.body;
  try {
    return utf8.decode(Buffer.from(event.body, 'base64'));
  } catch {
    throw new ValidationError([{ path: 'body', message: 'The body is not valid UTF-8.' }], 'Malformed JSON.');
  }
};

/**
 * The parsed JSON body, or undefined when none was sent. Written here rather than with
 * @middy/http-json-body-parser because that middleware answers malformed JSON with 422 and a
 * fixed message, while our contract is a 400 problem naming `body`; it also checks the
 * coding and charset, and walks the result for values the table cannot hold.
 */
const readJsonBody = (event: APIGatewayProxyEventV2): unknown => {
  // Encoding first: a compressed body is bytes that cannot even be told apart from empty.
  if (event.body) assertIdentityEncoding(event.headers['content-encoding']);
  const raw = rawBodyOf(event);
  if (raw.trim() === '') return undefined;
  assertJsonContentType(event.headers['content-type']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ValidationError([{ path: 'body', message: 'The body is not valid JSON.' }], 'Malformed JSON.');
  }
  const issues = unsafeValueIssues('body', parsed);
  if (issues.length > 0) throw new ValidationError(issues);
  return parsed;
};

const CANONICAL_ETAG = /^"([1-9]\d{0,14})"$/;
/** RFC 9110 §8.8.3 strong entity-tag: quoted visible characters. */
const STRONG_ENTITY_TAG = /^"[\x21\x23-\x7e\x80-\xff]*"$/;

/**
 * `If-Match: "3"` → 3. ETags are compared as exact strings (RFC 9110 strong comparison), so
 * only the tag we send (`"<version>"`, no leading zeros) can match: another strong tag
 * (`"01"`, `"abc"`) is 412, as for any stale tag. A weak tag (If-Match never matches one;
 * we never send one), `*`, a list or garbage is the client's mistake: 400.
 */
export const parseIfMatch = (header: string | undefined): number => {
  const value = header?.trim() ?? '';
  if (value === '') {
    throw new PreconditionRequiredError({
      detail: 'Send If-Match with the ETag you last read, so that concurrent edits are not lost.',
    });
  }
  const canonical = CANONICAL_ETAG.exec(value);
  if (canonical?.[1]) return Number(canonical[1]);
  if (STRONG_ENTITY_TAG.test(value)) {
    throw new PreconditionFailedError({
      detail: 'If-Match does not match the current ETag of the resource. Read it again and retry.',
    });
  }
  throw new ValidationError([
    {
      path: 'headers.if-match',
      message: 'Must be the one strong ETag you last read, e.g. "3" (not weak, not *, not a list).',
    },
  ]);
};

export interface ParsedInput<P, Q, B, H> {
  params: P;
  query: Q;
  body: B;
  headers: H;
  ifMatch: number | undefined;
}

const parseBody = (route: RouteContract, event: APIGatewayProxyEventV2): unknown => {
  const body = readJsonBody(event);
  if (route.body) {
    if (body === undefined)
      throw new ValidationError([{ path: 'body', message: 'A JSON body is required.' }]);
    return parseOrThrow(route.body, body, 'body');
  }
  if (body !== undefined) parseOrThrow(NO_BODY, body, 'body');
  return undefined;
};

/** Validates path, query, body, named headers and If-Match against the route contract. */
export const parseRequestInput = <P, Q, B, H = undefined>(
  route: RouteContract,
  event: APIGatewayProxyEventV2,
): ParsedInput<P, Q, B, H> => {
  const params = route.params ? parseOrThrow(route.params, event.pathParameters ?? {}, 'params') : undefined;
  const rawQuery = event.queryStringParameters ?? {};
  const queryIssues = unsafeValueIssues('query', rawQuery);
  if (queryIssues.length > 0) throw new ValidationError(queryIssues);
  const query = route.query ? parseOrThrow(route.query, rawQuery, 'query') : undefined;
  const body = parseBody(route, event);
  // Only the headers the contract names are validated; the schema should not be strict.
  const headers = route.headers ? parseOrThrow(route.headers, event.headers ?? {}, 'headers') : undefined;
  const ifMatch = route.requiresIfMatch ? parseIfMatch(event.headers['if-match']) : undefined;
  return { params: params as P, query: query as Q, body: body as B, headers: headers as H, ifMatch };
};
