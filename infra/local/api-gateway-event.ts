/**
 * Builds the payload-format-2.0 event API Gateway HTTP API hands to Lambda, from a Node
 * request, so handlers see locally exactly what they see in AWS.
 */
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

export const LOCAL_ACCOUNT_ID = '000000000000';
const API_ID = 'local';

export interface RequestParts {
  method: string;
  rawPath: string;
  rawQueryString: string;
}

/** `/stores?limit=2#x` -> rawPath `/stores`, rawQueryString `limit=2` (never decoded). */
export const splitUrl = (url: string): { rawPath: string; rawQueryString: string } => {
  const withoutFragment = url.split('#', 1)[0] ?? '';
  const queryAt = withoutFragment.indexOf('?');
  return queryAt < 0
    ? { rawPath: withoutFragment || '/', rawQueryString: '' }
    : {
        rawPath: withoutFragment.slice(0, queryAt) || '/',
        rawQueryString: withoutFragment.slice(queryAt + 1),
      };
};

/**
 * The authorizer hands claims to Lambda as strings: numbers and booleans stringified, arrays
 * flattened to `[a b]` (lib/auth/principal.ts parses that form).
 */
export const flattenClaims = (payload: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value)
        ? `[${value.map(String).join(' ')}]`
        : typeof value === 'object' && value !== null
          ? JSON.stringify(value)
          : String(value),
    ]),
  );

/** `scope` (space separated) or `scp` (array) as the event's `scopes`; ID tokens have neither. */
export const scopesOf = (payload: Record<string, unknown>): string[] | null => {
  if (typeof payload.scope === 'string') return payload.scope.split(' ').filter(Boolean);
  if (Array.isArray(payload.scp)) return payload.scp.map(String);
  return null;
};

/** Duplicate query parameters are joined with commas, as API Gateway does. */
const queryParameters = (rawQueryString: string): Record<string, string> | undefined => {
  if (rawQueryString === '') return undefined;
  const joined: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    joined[name] = name in joined ? `${joined[name]},${value}` : value;
  }
  return joined;
};

const TEXT_CONTENT_TYPE =
  /^(text\/|application\/([\w.+-]+\+)?(json|xml)\b|application\/(javascript|x-www-form-urlencoded)\b)/i;

/** Text bodies pass as they are; anything else (or untyped) is base64, flagged isBase64Encoded. */
const eventBody = (body: Buffer, contentType: string | undefined) => {
  if (body.length === 0) return { isBase64Encoded: false };
  return contentType && TEXT_CONTENT_TYPE.test(contentType)
    ? { body: body.toString('utf8'), isBase64Encoded: false }
    : { body: body.toString('base64'), isBase64Encoded: true };
};

const sourceIpOf = (request: IncomingMessage): string =>
  (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
/** `14/Mar/2025:02:15:30 +0000`, API Gateway's `requestContext.time` format. */
const requestTime = (at: Date): string =>
  `${pad(at.getUTCDate())}/${MONTHS[at.getUTCMonth()]}/${at.getUTCFullYear()}:${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`;

export interface EventInput extends RequestParts {
  request: IncomingMessage;
  body: Buffer;
  requestId: string;
  /** `GET /stores/{storeId}`, or `$default` for the catch-all. */
  routeKey: string;
  pathParameters?: Record<string, string> | undefined;
  /** Verified token payload; absent on routes without the authorizer. */
  claims?: Record<string, unknown> | undefined;
}

export const buildHttpEvent = (input: EventInput): APIGatewayProxyEventV2WithJWTAuthorizer => {
  const { request } = input;
  const sourceIp = sourceIpOf(request);
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    if (!values) continue;
    // Cookies travel in `cookies`, not in `headers`.
    if (name === 'cookie') cookies = values.flatMap((value) => value.split(/;\s*/)).filter(Boolean);
    else headers[name] = values.join(',');
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${sourceIp}`
    : sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(request.socket.localPort ?? '');
  const domainName = (headers.host ?? 'localhost').replace(/:\d+$/, '');
  const now = new Date();
  const query = queryParameters(input.rawQueryString);
  const event = {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: input.rawPath,
    rawQueryString: input.rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(query ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: API_ID,
      ...(input.claims
        ? { authorizer: { jwt: { claims: flattenClaims(input.claims), scopes: scopesOf(input.claims) } } }
        : {}),
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: input.method,
        path: input.rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    ...(input.pathParameters && Object.keys(input.pathParameters).length > 0
      ? { pathParameters: input.pathParameters }
      : {}),
    ...eventBody(input.body, headers['content-type']),
  };
  // Routes without the authorizer get no `authorizer` at all, as in AWS; the type insists on one.
  return event as APIGatewayProxyEventV2WithJWTAuthorizer;
};
