import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../lib/errors.js';
import { type HttpEvent, httpHandler } from '../../../lib/http/http-handler.js';
import { defineRoute } from '../../../lib/http/route.js';
import * as z from '../../../lib/zod.js';

const context = {
  awsRequestId: 'lambda-req',
  functionName: 'test',
  getRemainingTimeInMillis: () => 1000,
} as unknown as Context;

const event = (claims?: Record<string, string>, body?: unknown): HttpEvent =>
  ({
    version: '2.0',
    routeKey: 'POST /things',
    rawPath: '/things',
    rawQueryString: '',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      requestId: 'req-123',
      http: { method: 'POST', path: '/things' },
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
  }) as unknown as HttpEvent;

const route = defineRoute({
  operationId: 'createThing',
  method: 'POST',
  path: '/things',
  summary: 'test',
  tag: 'Test',
  access: 'catalog:write',
  body: z.strictObject({ name: z.string() }),
  responses: { 201: { description: 'ok' } },
  errors: [400],
});

const admin = { sub: 'u1', 'cognito:groups': '[admin]' };
const call = async (handler: ReturnType<typeof httpHandler>, e: HttpEvent) =>
  (await handler(e, context)) as APIGatewayProxyStructuredResultV2 & { headers: Record<string, string> };

describe('the HTTP chain', () => {
  it('hands typed input to the handler and sets ETag, Location, request id and security headers', async () => {
    const handler = httpHandler(route, async ({ body, principal }) => ({
      status: 201,
      body: { name: body.name, by: principal.userId },
      version: 1,
      location: '/things/1',
    }));
    const response = await call(handler, event(admin, { name: 'x' }));
    expect(response.statusCode).toBe(201);
    expect(JSON.parse(String(response.body))).toEqual({ name: 'x', by: 'u1' });
    expect(response.headers).toMatchObject({ etag: '"1"', location: '/things/1', 'x-request-id': 'req-123' });
    const names = Object.keys(response.headers).map((name) => name.toLowerCase());
    expect(names).toEqual(expect.arrayContaining(['strict-transport-security', 'x-content-type-options']));
  });

  it('answers an unexpected error with a generic 500 that leaks nothing', async () => {
    const handler = httpHandler(route, async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:8000 at Socket.internal (secret.js:1:1)');
    });
    const response = await call(handler, event(admin, { name: 'x' }));
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json');
    expect(response.body).not.toMatch(/ECONNREFUSED|secret|Socket/);
    expect(JSON.parse(String(response.body))).toMatchObject({ status: 500, requestId: 'req-123' });
  });

  it('checks identity (401) and the route’s permission (403) before reading the body', async () => {
    const handler = httpHandler(route, async () => ({ status: 201 }));
    expect((await call(handler, event(undefined, { bad: true }))).statusCode).toBe(401);
    const staff = { sub: 'u2', 'cognito:groups': '[staff]', 'custom:stores': 's1' };
    expect((await call(handler, event(staff, { bad: true }))).statusCode).toBe(403);
  });

  it('maps typed domain errors to their status with the detail', async () => {
    const handler = httpHandler(route, async () => {
      throw new ConflictError({
        detail: 'Taken.',
        errors: [{ path: 'body.name', message: 'Already in use.' }],
      });
    });
    const response = await call(handler, event(admin, { name: 'x' }));
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(String(response.body))).toMatchObject({
      type: '/problems/conflict',
      detail: 'Taken.',
      errors: [{ path: 'body.name' }],
    });
  });

  it('answers HEAD like GET, without the body', async () => {
    const get = defineRoute({
      operationId: 'getThing',
      method: 'GET',
      path: '/things/{id}',
      summary: 'test',
      tag: 'Test',
      access: 'catalog:read',
      responses: { 200: { description: 'ok' } },
      errors: [404],
    });
    const handler = httpHandler(get, async () => ({ status: 200, body: { name: 'x' }, version: 3 }));
    const asHead = (base: HttpEvent): HttpEvent => ({
      ...base,
      routeKey: 'HEAD /things/{id}',
      requestContext: { ...base.requestContext, http: { ...base.requestContext.http, method: 'HEAD' } },
    });
    const head = await call(handler, asHead(event(admin)));
    const full = await call(handler, event(admin));
    expect(head.statusCode).toBe(200);
    expect(head.body).toBeUndefined();
    expect(full.body).toBe('{"name":"x"}');
    expect(head.headers).toMatchObject({ etag: '"3"', 'content-type': 'application/json' });
    const failing = httpHandler(get, async () => {
      throw new ConflictError({ detail: 'x' });
    });
    const problem = await call(failing, asHead(event(admin)));
    expect(problem.statusCode).toBe(409);
    expect(problem.body).toBeUndefined();
    expect(problem.headers['content-type']).toBe('application/problem+json');
  });
});
