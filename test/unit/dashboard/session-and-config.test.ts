import { describe, expect, it } from 'vitest';
import { ApiError, createApi, urlOf } from '../../../dashboard/src/api-client.js';
import { parseConfig } from '../../../dashboard/src/config.js';
import { canReadReports, isExpired, readClaims } from '../../../dashboard/src/token-claims.js';
import { readViewState, writeViewState } from '../../../dashboard/src/view-state.js';

const jwt = (payload: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(payload), 'signature']
    .map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part))
    .join('.');

describe('token claims', () => {
  it('reads role, stores, user and expiry from a Cognito ID token', () => {
    const claims = readClaims(
      jwt({
        'cognito:groups': ['manager'],
        'custom:stores': 'st_a, st_b',
        'cognito:username': 'ana',
        exp: 2_000,
        note: 'ünïcödé',
      }),
    );
    expect(claims).toEqual({ role: 'manager', stores: ['st_a', 'st_b'], username: 'ana', expiresAt: 2_000 });
    expect(claims && isExpired(claims, 1_999)).toBe(false);
    expect(claims && isExpired(claims, 2_000)).toBe(true);
  });

  it('refuses what is not a JWT', () => {
    expect(readClaims('not a token')).toBeUndefined();
    expect(readClaims('a.b.c')).toBeUndefined();
    expect(readClaims(`x.${Buffer.from('"text"').toString('base64url')}.y`)).toBeUndefined();
  });

  it('lets finance, managers and admins read reports, not staff', () => {
    const of = (role: string) => ({ role, stores: [], username: undefined, expiresAt: undefined });
    expect(['admin', 'finance', 'manager', 'staff'].map((role) => canReadReports(of(role)))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('config.json', () => {
  it('resolves the API and the dev-token endpoint against the page', () => {
    expect(parseConfig({ apiUrl: '', devTokenUrl: 'dev-token' }, 'http://127.0.0.1:3000/dashboard/')).toEqual(
      {
        apiUrl: 'http://127.0.0.1:3000/',
        devTokenUrl: 'http://127.0.0.1:3000/dashboard/dev-token',
      },
    );
    expect(
      parseConfig(
        {
          apiUrl: 'https://api.example.com/',
          region: 'ap-southeast-2',
          userPoolId: 'p',
          userPoolClientId: 'c',
        },
        'https://d1.cloudfront.net/',
      ),
    ).toEqual({
      apiUrl: 'https://api.example.com/',
      region: 'ap-southeast-2',
      userPoolId: 'p',
      userPoolClientId: 'c',
    });
    expect(() => parseConfig('nope', 'https://d1.cloudfront.net/')).toThrow(/not a JSON object/);
  });
});

describe('view state in the address', () => {
  const now = new Date('2026-03-15T10:00:00Z');

  it('defaults to the 14 days up to today and keeps from ≤ to', () => {
    expect(readViewState('', now)).toEqual({ from: '2026-03-02', to: '2026-03-15' });
    expect(readViewState('?from=2026-04-01&to=2026-03-01', now)).toEqual({
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(readViewState('?from=2026-02-30&date=yesterday&store=st_a', now)).toEqual({
      from: '2026-03-02',
      to: '2026-03-15',
      store: 'st_a',
    });
  });

  it('writes the state back, keeping other parameters', () => {
    expect(
      writeViewState({ from: '2026-03-01', to: '2026-03-02', currency: 'AUD' }, '?store=st_x&debug=1'),
    ).toBe('?debug=1&from=2026-03-01&to=2026-03-02&currency=AUD');
  });
});

describe('the API client', () => {
  it('builds query strings without empty parameters, under the API’s base path', () => {
    expect(
      urlOf('https://api.example.com/prod', '/reports/sales', { from: '2026-03-01', storeId: undefined }),
    ).toBe('https://api.example.com/prod/reports/sales?from=2026-03-01');
  });

  it('sends the bearer token and turns a problem+json answer into an ApiError', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({ url, auth: new Headers(init.headers).get('authorization') });
      return new Response(JSON.stringify({ title: 'Forbidden', detail: 'Not your store.' }), {
        status: 403,
        headers: { 'content-type': 'application/problem+json' },
      });
    }) as typeof fetch;
    const api = createApi('http://localhost:3000', 'tok', fetchImpl);
    const error = await api.stock('st_a').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, message: 'Forbidden: Not your store.' });
    expect(seen).toEqual([{ url: 'http://localhost:3000/reports/stock?storeId=st_a', auth: 'Bearer tok' }]);
  });

  it('follows cursors to the end of a listing', async () => {
    const pages: Record<string, unknown> = {
      '': { items: [{ storeId: 'a' }], nextCursor: 'c1' },
      c1: { items: [{ storeId: 'b' }], nextCursor: null },
    };
    const fetchImpl = (async (url: string) =>
      new Response(JSON.stringify(pages[new URL(url).searchParams.get('cursor') ?? '']), {
        headers: { 'content-type': 'application/json' },
      })) as unknown as typeof fetch;
    const stores = await createApi('http://localhost:3000', 'tok', fetchImpl).stores();
    expect(stores.map((store) => store.storeId)).toEqual(['a', 'b']);
  });
});
