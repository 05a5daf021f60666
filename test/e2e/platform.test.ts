import { describe, expect, inject, it } from 'vitest';
import { httpRoutes } from '../../infra/app-definition.js';
import { api, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';

describe('platform routes and the gateway', () => {
  it('answers GET /health without a token', async () => {
    const response = await api('GET', '/health');
    expect(expectSuccess(response, 200)).toEqual({ status: 'ok' });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const document = expectSuccess(
      await api<{ openapi: string; paths: Record<string, Record<string, unknown>> }>('GET', '/openapi.json'),
      200,
    );
    expect(document.openapi).toBe('3.1.0');
    for (const { route } of httpRoutes()) {
      expect(
        document.paths[route.path]?.[route.method.toLowerCase()],
        `${route.method} ${route.path}`,
      ).toBeDefined();
    }
  });

  it('answers anonymous requests to any unknown route, or a wrong method, with 401 before any function runs', async () => {
    for (const [method, path] of [
      ['GET', '/no-such-thing'],
      ['GET', '/stores/st_x/nope'],
      ['POST', '/'],
      ['PUT', '/health/extra'],
      ['DELETE', '/stores'], // a known path, a method it does not have
      ['POST', '/health'],
    ] as const) {
      const problem = await rejected(method, path, 401);
      expect(problem.response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(problem.response.headers.allow).toBeUndefined();
    }
    const forged = `${(await tokenFor('admin')).slice(0, -4)}AAAA`;
    await rejected('GET', '/no-such-thing', 401, { token: forged });
  });

  it('answers a signed-in caller with 404 for an unknown route, whatever the role', async () => {
    for (const token of [await tokenFor('admin'), await tokenFor('staff', ['st_x'])]) {
      await rejected('GET', '/no-such-thing', 404, { token });
      await rejected('GET', '/stores/st_x/nope', 404, { token });
    }
  });

  it('answers a wrong method on a known path with 405 and Allow to a signed-in caller', async () => {
    const problem = await rejected('DELETE', '/stores', 405, { token: await tokenFor('admin') });
    expect(problem.response.headers.allow?.split(/,\s*/).sort()).toEqual(['GET', 'HEAD', 'POST']);
  });

  it('listens on loopback only', () => {
    expect(inject('baseUrl')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('keeps health and the OpenAPI document public', async () => {
    expect((await api('GET', '/health')).status).toBe(200);
    expect((await api('GET', '/openapi.json')).status).toBe(200);
  });

  it('answers CORS preflights itself and adds CORS headers to responses', async () => {
    const preflight = await api('OPTIONS', '/stores', {
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-max-age': '600',
    });
    expect(preflight.headers['access-control-allow-methods']?.split(',')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PATCH', 'OPTIONS']),
    );
    expect(preflight.headers['access-control-allow-headers']?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'if-match']),
    );

    const response = await api('GET', '/health', { headers: { origin: 'https://app.example' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-expose-headers']?.split(',')).toEqual(
      expect.arrayContaining(['etag', 'location', 'x-request-id']),
    );
  });

  it('refuses a body over the size limit with 413', async () => {
    const token = await tokenFor('admin');
    await rejected('POST', '/stores', 413, {
      token,
      rawBody: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
  });
});
