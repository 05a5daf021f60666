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
      allowed: ['POST', 'GET'],
    });
    expect(matchRoute(routes, 'GET', '/nothing/here')).toEqual({ kind: 'not-found' });
    expect(matchRoute(routes, 'GET', '/stores/a/b')).toEqual({ kind: 'not-found' });
  });

  it('treats malformed percent-encoding as not found instead of throwing', () => {
    expect(matchRoute(routes, 'DELETE', '/stores/%E0%A4%A')).toEqual({ kind: 'not-found' });
  });
});
