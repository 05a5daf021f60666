import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createProductRoute } from '../../../lib/catalog/product-routes.js';
import {
  PreconditionFailedError,
  PreconditionRequiredError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../../lib/errors.js';
import { parseIfMatch, parseRequestInput } from '../../../lib/http/request-input.js';
import { createStoreRoute, getStoreRoute, updateStoreRoute } from '../../../lib/stores/store-routes.js';
import { readyTransferRoute } from '../../../lib/transfers/transfer-routes.js';

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
    expect(parseIfMatch(' "1" ')).toBe(1);
    expect(() => parseIfMatch(undefined)).toThrow(PreconditionRequiredError);
    expect(() => parseIfMatch('')).toThrow(PreconditionRequiredError);
    for (const bad of ['*', 'W/"1"', '12', '"1", "2"', '"1', 'abc'])
      expect(() => parseIfMatch(bad), bad).toThrow(ValidationError);
  });

  it('compares ETags as exact strings: a tag we never send matches nothing (412)', () => {
    for (const other of ['"01"', '"001"', '"0"', '"1.0"', '"+1"', '"abc"', '""', '"1e0"'])
      expect(() => parseIfMatch(other), other).toThrow(PreconditionFailedError);
  });
});

const transitionEvent = (overrides: Partial<APIGatewayProxyEventV2>): APIGatewayProxyEventV2 =>
  event({ pathParameters: { transferId: 'tr_1' }, ...overrides });

describe('a route that declares no body', () => {
  it('accepts no body, an empty one, or {}', () => {
    for (const body of [undefined, '', '  ', '{}', ' { } '])
      expect(parseRequestInput(readyTransferRoute, transitionEvent({ body })).body).toBeUndefined();
    // No Content-Type is needed when nothing is sent.
    expect(parseRequestInput(readyTransferRoute, transitionEvent({ headers: {} })).body).toBeUndefined();
  });

  it('refuses unknown fields, other JSON values and malformed JSON naming body', () => {
    expect(
      issuesOf(() => parseRequestInput(readyTransferRoute, transitionEvent({ body: '{"force":true}' }))),
    ).toEqual(['body.force']);
    for (const body of ['[]', 'null', '"x"', '1', 'true', '{', '{"a":}', "{'a':1}"])
      expect(
        issuesOf(() => parseRequestInput(readyTransferRoute, transitionEvent({ body }))),
        body,
      ).toEqual(['body']);
  });

  it('judges the body of a GET by the same rule', () => {
    const get = (body: string) => event({ body, pathParameters: { storeId: 'st_1' } });
    expect(parseRequestInput(getStoreRoute, get('{}')).body).toBeUndefined();
    expect(issuesOf(() => parseRequestInput(getStoreRoute, get('{"x":1}')))).toEqual(['body.x']);
    expect(issuesOf(() => parseRequestInput(getStoreRoute, get('not json')))).toEqual(['body']);
  });
});

describe('the headers that say how to read a body', () => {
  const withHeaders = (headers: Record<string, string>) =>
    event({ body: JSON.stringify(store), headers: { 'content-type': 'application/json', ...headers } });

  it('accepts application/json and +json types in UTF-8', () => {
    for (const type of [
      'application/json',
      'Application/JSON',
      'application/json; charset=utf-8',
      'application/json;charset="UTF-8"',
      'application/merge-patch+json',
      'application/vnd.storefleet+json; charset=utf-8',
    ])
      expect(
        parseRequestInput(createStoreRoute, withHeaders({ 'content-type': type })).body,
        type,
      ).toMatchObject(store);
    expect(
      parseRequestInput(createStoreRoute, withHeaders({ 'content-encoding': 'identity' })).body,
    ).toMatchObject(store);
  });

  it('answers 415 for other media types, charsets and content codings', () => {
    const cases: Record<string, string>[] = [
      { 'content-type': '' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/jsonx' },
      { 'content-type': 'application/json, text/plain' },
      { 'content-type': 'application/json; charset=iso-8859-1' },
      { 'content-type': 'application/json; charset=utf-16' },
      { 'content-type': 'application/json; charset' },
      { 'content-encoding': 'gzip' },
      { 'content-encoding': 'identity, br' },
    ];
    for (const headers of cases)
      expect(
        () => parseRequestInput(createStoreRoute, withHeaders(headers)),
        JSON.stringify(headers),
      ).toThrow(UnsupportedMediaTypeError);
  });

  it('tells a client that compressed what it accepts', () => {
    try {
      parseRequestInput(createStoreRoute, withHeaders({ 'content-encoding': 'gzip' }));
    } catch (error) {
      expect((error as UnsupportedMediaTypeError).headers).toEqual({ 'accept-encoding': 'identity' });
      return;
    }
    throw new Error('expected a 415');
  });

  it('refuses a base64 body that is not UTF-8', () => {
    const latin1 = Buffer.from(JSON.stringify({ ...store, name: 'Caf\u00e9' }), 'latin1').toString('base64');
    expect(
      issuesOf(() => parseRequestInput(createStoreRoute, event({ body: latin1, isBase64Encoded: true }))),
    ).toEqual(['body']);
  });
});

describe('values the table cannot hold', () => {
  const product = {
    name: 'Lens',
    category: 'contact-lenses',
    brand: 'Acme',
    variants: [{ sku: 'L-1', price: 100, cost: 50, currency: 'AUD' }],
  };
  const create = (body: string) => parseRequestInput(createProductRoute, event({ body }));

  it('names unstorable numbers wherever they are', () => {
    for (const weight of ['1e30', '-1e30', '9007199254740992', '1e400', '1e-7', '-5e-324'])
      expect(
        issuesOf(() =>
          create(JSON.stringify(product).replace('}]}', `}],"attributes":{"weight":${weight}}}`)),
        ),
        weight,
      ).toEqual(['body.attributes.weight']);
    expect(
      create(JSON.stringify({ ...product, attributes: { weight: 9007199254740991, bc: 8.4, z: 0 } })).body,
    ).toBeDefined();
  });

  it('refuses control and bidi characters in any string and field name, before the schema', () => {
    expect(issuesOf(() => create(JSON.stringify({ ...product, brand: 'Ac\u0000me' })))).toEqual([
      'body.brand',
    ]);
    expect(issuesOf(() => create(JSON.stringify({ ...product, name: 'x\u202egnp.exe' })))).toEqual([
      'body.name',
    ]);
    expect(issuesOf(() => create(JSON.stringify({ ...product, 'a\u0007': 1 })))).toEqual(['body']);
    expect(issuesOf(() => create('{"name":"\\ud800"}'))).toEqual(['body.name']);
  });

  it('refuses bodies nested deeper than any of ours', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    expect(issuesOf(() => create(deep))?.[0]).toMatch(/^body(\[0\])+$/);
  });
});
