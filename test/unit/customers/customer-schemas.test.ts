import { describe, expect, it } from 'vitest';
import {
  CreateCustomerBody,
  FindCustomersQuery,
  UpdateCustomerBody,
} from '../../../lib/customers/customer-schemas.js';
import { toFieldIssues } from '../../../lib/http/validation.js';

const paths = (
  schema: typeof CreateCustomerBody | typeof FindCustomersQuery,
  value: unknown,
  root = 'body',
) => {
  const result = schema.safeParse(value);
  return result.success ? [] : toFieldIssues(root, result.error).map((issue) => issue.path);
};

describe('customer bodies', () => {
  it('normalises email to lower case and phone to E.164, with defaults', () => {
    expect(
      CreateCustomerBody.parse({
        firstName: 'Mia',
        lastName: 'Chen',
        email: ' Mia.Chen@Example.COM ',
        phone: '+61 412-345 678',
      }),
    ).toEqual({
      firstName: 'Mia',
      lastName: 'Chen',
      email: 'mia.chen@example.com',
      phone: '+61412345678',
      marketingOptIn: false,
      tags: [],
    });
  });

  it('needs an email or a phone', () => {
    expect(paths(CreateCustomerBody, { firstName: 'A', lastName: 'B' })).toEqual([
      'body.email',
      'body.phone',
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a bad email', { email: 'not-an-email' }, 'body.email'],
    ['a phone without country code', { phone: '0412345678' }, 'body.phone'],
    ['a future birth date', { birthDate: '2999-01-01' }, 'body.birthDate'],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'body.tags'],
    ['a repeated tag', { tags: ['vip', 'vip'] }, 'body.tags'],
    [
      'an unknown contact channel',
      { preferences: { contactChannel: 'fax' } },
      'body.preferences.contactChannel',
    ],
    ['a client-sent balance', { pointsBalance: 1000 }, 'body.pointsBalance'],
  ])('rejects %s, naming the field', (_label, change, path) => {
    expect(
      paths(CreateCustomerBody, { firstName: 'A', lastName: 'B', email: 'a@example.com', ...change }),
    ).toContain(path);
  });

  it('lets a patch clear optional fields but never the balance', () => {
    expect(UpdateCustomerBody.parse({ email: null })).toEqual({ email: null });
    expect(UpdateCustomerBody.safeParse({ pointsBalance: 5 }).success).toBe(false);
  });

  it('finds by exactly one of email or phone', () => {
    expect(FindCustomersQuery.parse({ email: 'A@B.COM' })).toEqual({ email: 'a@b.com' });
    expect(paths(FindCustomersQuery, {}, 'query')).toEqual(['query.email']);
    expect(paths(FindCustomersQuery, { email: 'a@b.com', phone: '+61412345678' }, 'query')).toEqual([
      'query.phone',
    ]);
  });
});
