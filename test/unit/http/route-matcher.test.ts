import { describe, expect, it } from 'vitest';
import { httpRoutes } from '../../../infra/app-definition.js';
import { matchRoute } from '../../../lib/http/route-matcher.js';

const routes = httpRoutes().map(({ route }) => route);

describe('matchRoute', () => {
  it('matches templates and decodes path parameters', () => {
    const match = matchRoute(routes, 'GET', '/stores/st_a%2Db');
    expect(match).toMatchObject({
      kind: 'matched',
      route: { path: '/stores/{storeId}' },
      params: { storeId: 'st_a-b' },
    });
  });

  it('prefers literal paths and tolerates a trailing slash', () => {
    expect(matchRoute(routes, 'GET', '/stores/')).toMatchObject({
      kind: 'matched',
      route: { path: '/stores' },
    });
  });

  it('tells a wrong method (405 with the allowed ones) from an unknown path (404)', () => {
    expect(matchRoute(routes, 'DELETE', '/stores')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['POST', 'GET', 'HEAD'],
    });
    expect(matchRoute(routes, 'GET', '/transfers/tr_1/ship')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['POST'],
    });
    expect(matchRoute(routes, 'GET', '/nothing/here')).toEqual({ kind: 'not-found' });
    expect(matchRoute(routes, 'GET', '/stores/a/b')).toEqual({ kind: 'not-found' });
  });

  it('serves HEAD with the GET route of the path, and nothing else', () => {
    expect(matchRoute(routes, 'HEAD', '/stores/st_1')).toMatchObject({
      kind: 'matched',
      route: { method: 'GET', path: '/stores/{storeId}' },
      params: { storeId: 'st_1' },
    });
    expect(matchRoute(routes, 'head', '/stores')).toMatchObject({
      kind: 'matched',
      route: { method: 'GET' },
    });
    expect(matchRoute(routes, 'HEAD', '/transfers/tr_1/ship')).toMatchObject({ kind: 'method-not-allowed' });
    for (const { route } of httpRoutes().filter(({ route }) => route.method === 'GET')) {
      const path = route.path.replace(/\{[^}]+\}/g, 'x1');
      expect(matchRoute(routes, 'HEAD', path), route.path).toMatchObject({
        kind: 'matched',
        route: { path: route.path },
      });
    }
  });

  it('treats malformed percent-encoding as not found instead of throwing', () => {
    expect(matchRoute(routes, 'DELETE', '/stores/%E0%A4%A')).toEqual({ kind: 'not-found' });
  });
});
