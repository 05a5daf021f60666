import { describe, expect, it } from 'vitest';
import { contractViolations, type ObservedResponse } from '../../support/contract-check.js';

/** The checker the e2e client runs on every answer: it passes true answers and names each drift. */
const problem = (status: number, type: string, extra: Record<string, unknown> = {}): ObservedResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json', 'x-request-id': 'r-1' },
  text: JSON.stringify({
    type: `/problems/${type}`,
    title: 'T',
    status,
    detail: 'd',
    requestId: 'r-1',
    ...extra,
  }),
});
const shortages = [{ storeId: 'st_a', sku: 'A-1', requested: 2, available: 1 }];

describe('contract check of an answer against the OpenAPI document', () => {
  it('passes an answer the document declares', () => {
    expect(
      contractViolations('POST', '/transfers/tr_1/ready', problem(409, 'insufficient-stock', { shortages })),
    ).toEqual([]);
    expect(
      contractViolations(
        'POST',
        '/transfers/tr_1/ready',
        problem(409, 'invalid-state', { currentStatus: 'SHIPPED', allowedFrom: ['DRAFT'] }),
      ),
    ).toEqual([]);
    const unauthorized = problem(401, 'unauthorized');
    unauthorized.headers['www-authenticate'] = 'Bearer';
    expect(contractViolations('GET', '/stores?limit=1', unauthorized)).toEqual([]);
  });

  it('names a status the operation does not declare', () => {
    expect(contractViolations('GET', '/stores', problem(409, 'conflict')).join()).toMatch(
      /listStores .*answered 409.*not declare/,
    );
  });

  it('names a problem type not declared for the status, and says how to declare it', () => {
    expect(
      contractViolations('POST', '/stores', problem(409, 'insufficient-stock', { shortages })).join(),
    ).toMatch(
      /createStore .* \/problems\/insufficient-stock.*declared for 409: \/problems\/conflict.*list the error class/,
    );
  });

  it('names a member missing from, or not declared in, a problem type', () => {
    expect(
      contractViolations('POST', '/transfers/tr_1/ready', problem(409, 'insufficient-stock')).join(),
    ).toMatch(/shortages/);
    expect(
      contractViolations(
        'POST',
        '/transfers/tr_1/ready',
        problem(409, 'insufficient-stock', { shortages, extra: 1 }),
      ).join(),
    ).toMatch(/additional properties/);
  });

  it('names a missing or malformed declared header', () => {
    expect(contractViolations('GET', '/stores', problem(401, 'unauthorized')).join()).toMatch(
      /lacks the declared header WWW-Authenticate/,
    );
    const noId = problem(404, 'not-found');
    delete noId.headers['x-request-id'];
    expect(contractViolations('GET', '/stores/st_1', noId).join()).toMatch(/X-Request-Id/);
    const store = {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'r', etag: 'W/"1"' },
      text: '{}',
    };
    expect(contractViolations('GET', '/stores/st_1', store).join()).toMatch(/header ETag: "W\/"1""/);
  });

  it('names a body that does not match the success schema, or a media type not declared', () => {
    const page = {
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'r' },
      text: '{"items":[]}',
    };
    expect(contractViolations('GET', '/stores', page).join()).toMatch(/nextCursor/);
    const text = {
      status: 200,
      headers: { 'content-type': 'text/plain', 'x-request-id': 'r' },
      text: 'hello',
    };
    expect(contractViolations('GET', '/stores', text).join()).toMatch(/text\/plain, not declared/);
  });

  it('checks answers of the $default route against x-default-route', () => {
    const allow = problem(405, 'method-not-allowed');
    allow.headers.allow = 'GET, POST';
    expect(contractViolations('DELETE', '/stores', allow)).toEqual([]);
    expect(contractViolations('GET', '/nowhere', problem(404, 'not-found'))).toEqual([]);
    expect(contractViolations('GET', '/nowhere', problem(409, 'conflict')).join()).toMatch(
      /\$default .* 409/,
    );
  });
});
