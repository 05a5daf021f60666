import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  PreconditionRequiredError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../../lib/errors.js';
import { parseIfMatch, parseRequestInput } from '../../../lib/http/request-input.js';
import { createStoreRoute, updateStoreRoute } from '../../../lib/stores/store-routes.js';

const event = (overrides: Partial<APIGatewayProxyEventV2>): APIGatewayProxyEventV2 =>
  ({ headers: { 'content-type': 'application/json' }, ...overrides }) as APIGatewayProxyEventV2;

const store = {
  code: 'SYD-01',
  name: 'Sydney',
  address: { line1: '1 George St', city: 'Sydney', postcode: '2000', country: 'AU' },
  region: 'nsw',
  channels: ['in_store'],
  timezone: 'Australia/Sydney',
};

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error.errors?.map((issue) => issue.path);
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('parseRequestInput', () => {
  it('parses a valid body and applies defaults', () => {
    const input = parseRequestInput(createStoreRoute, event({ body: JSON.stringify(store) }));
    expect(input.body).toMatchObject({ ...store, status: 'active' });
  });

  it('names the field at fault for wrong types, unknown fields and bad values', () => {
    expect(
      issuesOf(() =>
        parseRequestInput(createStoreRoute, event({ body: JSON.stringify({ ...store, name: 5 }) })),
      ),
    ).toEqual(['body.name']);
    expect(
      issuesOf(() =>
        parseRequestInput(createStoreRoute, event({ body: JSON.stringify({ ...store, colour: 'red' }) })),
      ),
    ).toEqual(['body.colour']);
    expect(
      issuesOf(() =>
        parseRequestInput(
          createStoreRoute,
          event({ body: JSON.stringify({ ...store, timezone: 'Mars/Base' }) }),
        ),
      ),
    ).toEqual(['body.timezone']);
    expect(
      issuesOf(() =>
        parseRequestInput(
          createStoreRoute,
          event({ body: JSON.stringify({ ...store, address: { ...store.address, country: 'AUS' } }) }),
        ),
      ),
    ).toEqual(['body.address.country']);
  });

  it('answers malformed or missing JSON with 400 on `body`', () => {
    expect(issuesOf(() => parseRequestInput(createStoreRoute, event({ body: '{"code":' })))).toEqual([
      'body',
    ]);
    expect(issuesOf(() => parseRequestInput(createStoreRoute, event({ body: '' })))).toEqual(['body']);
  });

  it('reads base64 bodies and refuses non-JSON content types', () => {
    const encoded = Buffer.from(JSON.stringify(store)).toString('base64');
    expect(
      parseRequestInput(createStoreRoute, event({ body: encoded, isBase64Encoded: true })).body,
    ).toMatchObject(store);
    expect(() =>
      parseRequestInput(
        createStoreRoute,
        event({ body: 'code=1', headers: { 'content-type': 'text/plain' } }),
      ),
    ).toThrow(UnsupportedMediaTypeError);
  });

  it('requires a quoted If-Match on versioned writes', () => {
    const patch = event({ body: '{"name":"New"}', pathParameters: { storeId: 'st_1' } });
    expect(() => parseRequestInput(updateStoreRoute, patch)).toThrow(PreconditionRequiredError);
    const ok = parseRequestInput(updateStoreRoute, {
      ...patch,
      headers: { ...patch.headers, 'if-match': '"4"' },
    });
    expect(ok.ifMatch).toBe(4);
  });

  it('rejects an empty patch', () => {
    expect(
      issuesOf(() =>
        parseRequestInput(
          updateStoreRoute,
          event({
            body: '{}',
            pathParameters: { storeId: 's' },
            headers: { 'content-type': 'application/json', 'if-match': '"1"' },
          }),
        ),
      ),
    ).toEqual(['body']);
  });
});

describe('parseIfMatch', () => {
  it('accepts only a strong quoted version', () => {
    expect(parseIfMatch('"12"')).toBe(12);
    expect(() => parseIfMatch(undefined)).toThrow(PreconditionRequiredError);
    expect(() => parseIfMatch('*')).toThrow(ValidationError);
    expect(() => parseIfMatch('W/"1"')).toThrow(ValidationError);
    expect(() => parseIfMatch('12')).toThrow(ValidationError);
  });
});
