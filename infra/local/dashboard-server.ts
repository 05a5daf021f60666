/**
 * The dashboard on the local runtime: `/dashboard/` serves the esbuild output (dashboard/dist),
 * `/dashboard/config.json` points the page at this same origin and at the dev-token endpoint.
 * Answered by the gateway before routing, like CloudFront serves the site apart from the API.
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { toAppError } from '../../lib/http/problem.js';
import { devTokenRequest } from './dashboard-dev-token.js';
import type { DevTokenOptions } from './dev-keys.js';
import type { LocalPages } from './gateway.js';
import { gatewayProblem } from './gateway-problems.js';
import type { HttpAnswer } from './gateway-response.js';

export const DASHBOARD_PATH = '/dashboard';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The same policy the CloudFront response headers should send: only this origin's files run. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export interface DashboardPagesOptions {
  /** The built dashboard (dashboard/dist). */
  distDir: string;
  signToken: (options: Omit<DevTokenOptions, 'keys' | 'keysDir'>) => Promise<string>;
}

const answer = (statusCode: number, type: string, body: string | Buffer, extra = {}): HttpAnswer => ({
  statusCode,
  headers: { 'content-type': type, 'cache-control': 'no-store', ...SECURITY_HEADERS, ...extra },
  body: typeof body === 'string' ? Buffer.from(body) : body,
});

const json = (value: unknown) => answer(200, CONTENT_TYPES['.json'] ?? '', `${JSON.stringify(value)}\n`);

export const dashboardPages = async (options: DashboardPagesOptions): Promise<LocalPages> => {
  // Only the files the build wrote can be served: a request names one of them or gets 404.
  const files = new Set(await readdir(options.distDir));
  const config = { apiUrl: '', devTokenUrl: 'dev-token' };

  return async (method, rawPath, rawQueryString) => {
    if (rawPath !== DASHBOARD_PATH && !rawPath.startsWith(`${DASHBOARD_PATH}/`)) return undefined;
    const requestId = crypto.randomUUID();
    if (method !== 'GET' && method !== 'HEAD')
      return answer(405, 'text/plain; charset=utf-8', 'Method not allowed\n', { allow: 'GET, HEAD' });
    if (rawPath === DASHBOARD_PATH)
      return answer(308, 'text/plain; charset=utf-8', '', {
        location: `${DASHBOARD_PATH}/${rawQueryString ? `?${rawQueryString}` : ''}`,
      });
    const name = rawPath.slice(DASHBOARD_PATH.length + 1) || 'index.html';
    if (name === 'config.json') return json(config);
    if (name === 'dev-token') {
      try {
        const request = devTokenRequest(new URLSearchParams(rawQueryString));
        return json({ token: await options.signToken(request), role: request.role, stores: request.stores });
      } catch (error) {
        const problem = gatewayProblem(toAppError(error), requestId);
        return {
          statusCode: problem.statusCode ?? 500,
          headers: { ...(problem.headers as Record<string, string>), 'cache-control': 'no-store' },
          body: Buffer.from(problem.body ?? ''),
        };
      }
    }
    if (!files.has(name)) return answer(404, 'text/plain; charset=utf-8', 'Not found\n');
    const body = await readFile(join(options.distDir, name));
    return answer(200, CONTENT_TYPES[extname(name)] ?? 'application/octet-stream', body);
  };
};

/** Builds the dashboard (into `outDir`, default dashboard/dist) and serves the result. */
export const buildAndServeDashboard = async (
  signToken: DashboardPagesOptions['signToken'],
  outDir?: string,
): Promise<LocalPages> => {
  const { buildDashboard } = await import('./dashboard-build.js');
  return dashboardPages({ distDir: await buildDashboard(outDir ? { outDir } : {}), signToken });
};
