import { describe, expect, it } from 'vitest';
import { createDevKeys, signDevToken } from '../../infra/local/dev-keys.js';
import { rejected, tokenFor } from '../support/e2e-client.js';

/** Every non-public route sits behind the authorizer; /stores stands for them all. */
const unauthorized = async (authorization?: string) => {
  const problem = await rejected('GET', '/stores', 401, authorization ? { headers: { authorization } } : {});
  expect(problem.response.headers['www-authenticate']).toMatch(/^Bearer/);
  return problem;
};

describe('the gateway authorizer', () => {
  it('refuses a request without a token', async () => {
    await unauthorized();
    await rejected('POST', '/products', 401, { body: {} });
  });

  it('refuses garbage', async () => {
    await unauthorized('Bearer not-a-jwt');
    await unauthorized('Bearer a.b.c');
    await unauthorized('Basic dXNlcjpwYXNz');
  });

  it('refuses an expired token', async () => {
    const problem = await unauthorized(`Bearer ${await tokenFor('admin', [], { expiresIn: -60 })}`);
    expect(problem.detail).toMatch(/expired/);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    await unauthorized(`Bearer ${await tokenFor('admin', [], { audience: 'someone-else' })}`);
    await unauthorized(`Bearer ${await tokenFor('admin', [], { issuer: 'https://evil.example/issuer' })}`);
  });

  it('refuses a token signed by another key', async () => {
    const otherKeys = await createDevKeys();
    await unauthorized(`Bearer ${await signDevToken({ role: 'admin', keys: otherKeys })}`);
  });

  it('refuses a token whose claims were edited after signing', async () => {
    const [header, , signature] = (await tokenFor('staff', ['st_a'])).split('.');
    const claims = { sub: 'x', 'cognito:groups': ['admin'], iss: 'https://storefleet.local/issuer' };
    const forged = Buffer.from(JSON.stringify(claims)).toString('base64url');
    await unauthorized(`Bearer ${header}.${forged}.${signature}`);
  });

  it('lets the handler refuse a valid token without a usable role (403)', async () => {
    const staffOfTwo = await tokenFor('staff', ['st_a', 'st_b']);
    await rejected('GET', '/stores', 403, { token: staffOfTwo });
    const managerOfNone = await tokenFor('manager');
    await rejected('GET', '/stores', 403, { token: managerOfNone });
  });
});
