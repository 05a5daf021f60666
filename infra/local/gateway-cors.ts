/**
 * CORS as API Gateway HTTP API applies it with the API's corsPreflight settings (see
 * infra/stacks/api-stack.ts, built from appDefinition.cors): the gateway answers preflights
 * itself, and on other responses sets the CORS headers and ignores any the function returned.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { appDefinition, httpRoutes } from '../app-definition.js';

const { cors } = appDefinition;
const origins: readonly string[] = cors.allowOrigins;
/** The API stack allows every method some route uses, plus OPTIONS. */
const ALLOW_METHODS = [...new Set(httpRoutes().map(({ route }) => route.method)), 'OPTIONS'].join(',');

const allowedOrigin = (origin: string | undefined): string | undefined => {
  if (!origin) return undefined;
  if (origins.includes('*')) return '*';
  return origins.includes(origin) ? origin : undefined;
};

export const isPreflight = (method: string, headers: IncomingHttpHeaders): boolean =>
  method === 'OPTIONS' && Boolean(headers.origin) && Boolean(headers['access-control-request-method']);

export const preflightHeaders = (origin: string | undefined): Record<string, string> => {
  const allowOrigin = allowedOrigin(origin);
  if (!allowOrigin) return {};
  return {
    'access-control-allow-origin': allowOrigin,
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-allow-headers': cors.allowHeaders.join(','),
    'access-control-max-age': String(cors.maxAgeSeconds),
    ...(allowOrigin === '*' ? {} : { vary: 'origin' }),
  };
};

/** Replaces the function's CORS headers with the gateway's. */
export const withCorsHeaders = (
  headers: Record<string, string | string[]>,
  origin: string | undefined,
): Record<string, string | string[]> => {
  const kept = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.toLowerCase().startsWith('access-control-')),
  );
  const allowOrigin = allowedOrigin(origin);
  if (!allowOrigin) return kept;
  return {
    ...kept,
    'access-control-allow-origin': allowOrigin,
    'access-control-expose-headers': cors.exposeHeaders.join(','),
    ...(allowOrigin === '*' ? {} : { vary: 'origin' }),
  };
};
