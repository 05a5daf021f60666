import type { HttpMethod } from './route.js';

/**
 * Matches a request path against API Gateway path templates (`/stores/{storeId}`).
 * Used by the fallback function (to tell 404 from 405) and by the local gateway (to route),
 * so both agree with API Gateway on what a route is.
 */
export interface RouteLike {
  method: HttpMethod;
  path: string;
}

export type RouteMatch<R extends RouteLike> =
  | { kind: 'matched'; route: R; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: (HttpMethod | 'HEAD')[] }
  | { kind: 'not-found' };

const compile = (template: string): { regex: RegExp; names: string[] } => {
  const names: string[] = [];
  const pattern = template
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
      if (!param?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}/?$`), names };
};

const cache = new Map<string, ReturnType<typeof compile>>();
const compiled = (template: string) => {
  let entry = cache.get(template);
  if (!entry) {
    entry = compile(template);
    cache.set(template, entry);
  }
  return entry;
};

const paramsOf = (template: string, path: string): Record<string, string> | undefined => {
  const { regex, names } = compiled(template);
  const match = regex.exec(path);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  try {
    names.forEach((name, i) => {
      params[name] = decodeURIComponent(match[i + 1] ?? '');
    });
  } catch {
    // Malformed percent-encoding (e.g. `%E0%A4%A`) names no resource: not found, never a 500.
    return undefined;
  }
  return params;
};

/** Literal segments beat parameters, as in API Gateway (`/stores/x` before `/stores/{id}`). */
const specificity = (template: string) => template.split('/').filter((s) => !s.startsWith('{')).length;

/**
 * HEAD is served by the GET route of the same path (RFC 9110 §9.3.2: the same answer without
 * its body); no contract declares it. In AWS each GET route gets a HEAD twin (domain-stack.ts).
 */
export const servedBy = (method: string): string => (method === 'HEAD' ? 'GET' : method);

export const matchRoute = <R extends RouteLike>(
  routes: readonly R[],
  method: string,
  path: string,
): RouteMatch<R> => {
  const candidates = routes
    .map((route) => ({ route, params: paramsOf(route.path, path) }))
    .filter((c): c is { route: R; params: Record<string, string> } => c.params !== undefined)
    .sort((a, b) => specificity(b.route.path) - specificity(a.route.path));
  if (candidates.length === 0) return { kind: 'not-found' };
  const wanted = method.toUpperCase();
  const hit = candidates.find((c) => c.route.method === servedBy(wanted));
  if (hit) return { kind: 'matched', route: hit.route, params: hit.params };
  const allowed = [...new Set(candidates.map((c) => c.route.method))];
  return { kind: 'method-not-allowed', allowed: allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed };
};
