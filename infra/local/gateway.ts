/**
 * A local stand-in for API Gateway HTTP API: routes like the deployed API (same app
 * definition, same matcher), verifies bearer tokens like its JWT authorizer, answers CORS
 * preflights, builds payload-format-2.0 events and invokes the functions' handlers in-process.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type RouteContract, routeKey } from '../../lib/http/route.js';
import { matchRoute } from '../../lib/http/route-matcher.js';
import { catchAllFunction, type FunctionName, httpRoutes } from '../app-definition.js';
import { buildHttpEvent, splitUrl } from './api-gateway-event.js';
import { TokenRejectedError, type TokenVerifier, type VerifiedClaims } from './dev-token-verifier.js';
import { invokeFunction } from './function-invoker.js';
import { answerClientError } from './gateway-client-error.js';
import { isPreflight, preflightHeaders, withCorsHeaders } from './gateway-cors.js';
import { badRequest, internalError, payloadTooLarge, unauthorized } from './gateway-problems.js';
import { type HttpAnswer, toHttpAnswer } from './gateway-response.js';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** API Gateway HTTP API's quota on the request line and headers together. */
export const MAX_HEADER_BYTES = 10_240;

export interface GatewayOptions {
  verifyToken: TokenVerifier;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  maxBodyBytes?: number;
  /** No request log lines (handler failures are still reported on stderr). */
  quiet?: boolean;
  /** Pages served beside the API (the dashboard), asked first; they answer only their own paths. */
  pages?: LocalPages;
}

/** An answer for the paths a local site owns, undefined for the rest (the API's). */
export type LocalPages = (
  method: string,
  rawPath: string,
  rawQueryString: string,
) => Promise<HttpAnswer | undefined>;

export interface Gateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Target {
  functionName: FunctionName;
  routeKey: string;
  /** `authenticated`: any valid token, no permission (the `$default` route). */
  access: RouteContract['access'] | 'authenticated';
  pathParameters?: Record<string, string>;
}

const ROUTES = httpRoutes().map(({ functionName, route }) => ({
  method: route.method,
  path: route.path,
  functionName,
  route,
}));
const CATCH_ALL = catchAllFunction();

/**
 * Unmatched paths and wrong methods go to the `$default` route, behind the authorizer as in AWS:
 * anonymous callers get 401 before any function runs, signed-in ones the catch-all's 404/405.
 * HEAD reaches the GET route's function under its own route key, as in AWS (domain-stack.ts).
 */
const targetOf = (method: string, rawPath: string): Target => {
  const match = matchRoute(ROUTES, method, rawPath);
  if (match.kind !== 'matched')
    return { functionName: CATCH_ALL, routeKey: '$default', access: 'authenticated' };
  const { route, functionName } = match.route;
  return {
    functionName,
    routeKey: method === 'HEAD' ? `HEAD ${route.path}` : routeKey(route),
    access: route.access,
    pathParameters: match.params,
  };
};

/** The authorizer strips an optional `Bearer ` prefix from the Authorization header. */
const tokenFrom = (header: string | undefined): string | undefined => {
  const value = header?.trim();
  if (!value) return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(value);
  if (bearer?.[1]) return bearer[1];
  return /\s/.test(value) ? undefined : value;
};

const readBody = (request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Keep reading past the limit (discarding) so the client gets the 413 rather than a reset.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });

const fromResult = (result: APIGatewayProxyStructuredResultV2): HttpAnswer =>
  toHttpAnswer(result) ?? { statusCode: 500, headers: {}, body: Buffer.alloc(0) };

const invoke = async (
  target: Target,
  request: IncomingMessage,
  parts: { method: string; rawPath: string; rawQueryString: string; body: Buffer; requestId: string },
  claims: VerifiedClaims | undefined,
): Promise<HttpAnswer> => {
  const event = buildHttpEvent({
    ...parts,
    request,
    routeKey: target.routeKey,
    pathParameters: target.pathParameters,
    claims,
  });
  const result = await invokeFunction(target.functionName, event);
  const answer = toHttpAnswer(result);
  if (!answer) throw new Error(`${target.functionName} returned an invalid statusCode`);
  return answer;
};

const answer = async (
  request: IncomingMessage,
  requestId: string,
  options: GatewayOptions,
): Promise<HttpAnswer> => {
  const method = (request.method ?? 'GET').toUpperCase();
  const { rawPath, rawQueryString } = splitUrl(request.url ?? '/');
  const page = await options.pages?.(method, rawPath, rawQueryString);
  if (page) return page;
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const body = await readBody(request, limit);
  if (body === 'too-large') return fromResult(payloadTooLarge(limit, requestId));

  let target: Target;
  try {
    target = targetOf(method, rawPath);
  } catch {
    // The matcher decodes path parameters; malformed percent-encoding cannot name any route.
    return fromResult(badRequest('The request path is not validly percent-encoded.', requestId));
  }

  let claims: VerifiedClaims | undefined;
  if (target.access !== 'public') {
    const token = tokenFrom(request.headers.authorization);
    if (!token) return fromResult(unauthorized(undefined, requestId));
    try {
      claims = options.verifyToken(token);
    } catch (error) {
      return fromResult(
        unauthorized(error instanceof TokenRejectedError ? error.message : undefined, requestId),
      );
    }
  }

  try {
    return await invoke(target, request, { method, rawPath, rawQueryString, body, requestId }, claims);
  } catch (error) {
    // In AWS a failed invocation is a bare 500 with nothing of the error; the details go to the log.
    console.error(`[gateway] ${target.functionName} failed (request ${requestId}):`, error);
    return fromResult(internalError(requestId));
  }
};

const handle = async (
  request: IncomingMessage,
  response: ServerResponse,
  options: GatewayOptions,
): Promise<void> => {
  const started = performance.now();
  const requestId = randomUUID();
  const { origin } = request.headers;
  let result: HttpAnswer;
  if (isPreflight((request.method ?? '').toUpperCase(), request.headers)) {
    result = { statusCode: 204, headers: preflightHeaders(origin), body: Buffer.alloc(0) };
  } else {
    try {
      result = await answer(request, requestId, options);
    } catch (error) {
      console.error(`[gateway] request ${requestId} failed:`, error);
      result = fromResult(internalError(requestId));
    }
    result = { ...result, headers: withCorsHeaders(result.headers, origin) };
  }
  response.writeHead(result.statusCode, { ...result.headers, 'apigw-requestid': requestId });
  response.end(request.method === 'HEAD' ? undefined : result.body);
  if (!options.quiet) {
    const ms = (performance.now() - started).toFixed(0);
    process.stdout.write(`${request.method} ${request.url} -> ${result.statusCode} (${ms} ms)\n`);
  }
};

export const startGateway = async (options: GatewayOptions): Promise<Gateway> => {
  // Node would answer oversized headers with an empty 431; the same limit as API Gateway's.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      // Only writing the answer can fail here (e.g. a header value Node refuses).
      console.error('[gateway] could not send the response:', error);
      if (response.headersSent) response.destroy();
      else response.writeHead(500).end();
    });
  });
  server.on('clientError', (error: Error & { code?: string }, socket) =>
    answerClientError(error, socket, MAX_HEADER_BYTES),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
};
