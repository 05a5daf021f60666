import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type HttpEvent, httpHandler } from '../../../lib/http/http-handler.js';
import { defineRoute } from '../../../lib/http/route.js';

const context = { awsRequestId: 'lambda-req', functionName: 'test' } as unknown as Context;
const event = {
  version: '2.0',
  routeKey: 'GET /things',
  rawPath: '/things',
  rawQueryString: '',
  headers: {},
  isBase64Encoded: false,
  requestContext: {
    requestId: 'req-1',
    http: { method: 'GET', path: '/things' },
    authorizer: { jwt: { claims: { sub: 'u1', 'cognito:groups': '[admin]' }, scopes: null } },
  },
} as unknown as HttpEvent;

const route = defineRoute({
  operationId: 'getThing',
  method: 'GET',
  path: '/things',
  summary: 'test',
  tag: 'Test',
  access: 'catalog:read',
  responses: { 200: { description: 'ok' } },
  errors: [],
});

const call = async (result: Parameters<typeof httpHandler>[1]) =>
  (await httpHandler(route, result)(event, context)) as APIGatewayProxyStructuredResultV2 & {
    headers: Record<string, string>;
  };

describe('a handler answering text', () => {
  it('sends a string body as is with the content type it names', async () => {
    const response = await call(async () => ({
      status: 200,
      body: 'RECEIPT\n  2 x 45.00\n',
      contentType: 'text/plain; charset=utf-8',
    }));
    expect(response.body).toBe('RECEIPT\n  2 x 45.00\n');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['x-request-id']).toBe('req-1');
  });

  it('still answers JSON when no content type is named, even for a string', async () => {
    const response = await call(async () => ({ status: 200, body: 'plain' }));
    expect(response.body).toBe('"plain"');
    expect(response.headers['content-type']).toBe('application/json');
  });
});
