import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { PreconditionRequiredError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import type { RouteContract } from './route.js';
import { parseOrThrow } from './validation.js';

const JSON_CONTENT_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/**
 * Parses the JSON body. Written here rather than with @middy/http-json-body-parser
 * because that middleware answers malformed JSON with 422 and a fixed message, while our
 * contract is a 400 problem naming `body`.
 */
const readJsonBody = (event: APIGatewayProxyEventV2): unknown => {
  const raw = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  if (raw.trim() === '') {
    throw new ValidationError([{ path: 'body', message: 'A JSON body is required.' }]);
  }
  const contentType = event.headers['content-type'] ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    throw new UnsupportedMediaTypeError({ detail: 'Send the body as application/json.' });
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError([{ path: 'body', message: 'The body is not valid JSON.' }], 'Malformed JSON.');
  }
};

/** `If-Match: "3"` → 3. Only a strong, quoted version matches; `*` or garbage is a client error. */
export const parseIfMatch = (header: string | undefined): number => {
  if (header === undefined || header.trim() === '') {
    throw new PreconditionRequiredError({
      detail: 'Send If-Match with the ETag you last read, so that concurrent edits are not lost.',
    });
  }
  const match = /^"(\d{1,15})"$/.exec(header.trim());
  if (!match?.[1]) {
    throw new ValidationError([
      { path: 'headers.if-match', message: 'Must be the quoted ETag of the resource, e.g. "3".' },
    ]);
  }
  return Number(match[1]);
};

export interface ParsedInput<P, Q, B, H> {
  params: P;
  query: Q;
  body: B;
  headers: H;
  ifMatch: number | undefined;
}

/** Validates path, query, body, named headers and If-Match against the route contract. */
export const parseRequestInput = <P, Q, B, H = undefined>(
  route: RouteContract,
  event: APIGatewayProxyEventV2,
): ParsedInput<P, Q, B, H> => {
  const params = route.params ? parseOrThrow(route.params, event.pathParameters ?? {}, 'params') : undefined;
  const query = route.query
    ? parseOrThrow(route.query, event.queryStringParameters ?? {}, 'query')
    : undefined;
  const body = route.body ? parseOrThrow(route.body, readJsonBody(event), 'body') : undefined;
  // Only the headers the contract names are validated; the schema should not be strict.
  const headers = route.headers ? parseOrThrow(route.headers, event.headers ?? {}, 'headers') : undefined;
  const ifMatch = route.requiresIfMatch ? parseIfMatch(event.headers['if-match']) : undefined;
  return { params: params as P, query: query as Q, body: body as B, headers: headers as H, ifMatch };
};
