import { describe, expect, it } from 'vitest';
import { devTokenRequest } from '../../../infra/local/dashboard-dev-token.js';
import { ValidationError } from '../../../lib/errors.js';

const request = (query: string) => devTokenRequest(new URLSearchParams(query));

describe('the local dashboard’s dev tokens', () => {
  it('makes finance and admin tokens without stores, manager and staff with theirs', () => {
    expect(request('user=finance')).toMatchObject({ role: 'finance', stores: [] });
    expect(request('user=admin')).toMatchObject({ role: 'admin', stores: [] });
    expect(request('user=manager&stores=st_a,%20st_b')).toMatchObject({
      role: 'manager',
      stores: ['st_a', 'st_b'],
    });
    expect(request('user=staff&stores=st_a')).toMatchObject({ role: 'staff', stores: ['st_a'] });
  });

  it.each([
    ['user=root', 'query.user'],
    ['', 'query.user'],
    ['user=manager', 'query.stores'],
    ['user=staff&stores=st_a,st_b', 'query.stores'],
    ['user=admin&stores=st_a', 'query.stores'],
    ['user=manager&stores=not%20an%20id', 'query.stores[0]'],
    ['user=finance&extra=1', 'query'],
  ])('refuses %s, naming %s', (query, path) => {
    let error: unknown;
    try {
      request(query);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining(path) })]),
    );
  });
});
