import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../lib/catalog/product-schemas.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, uniqueCategory } from '../support/e2e-resources.js';
import { productInput } from '../support/fixtures.js';

type ProductPage = { items: Product[]; nextCursor: string | null };

let manager: string;
let admin: string;

beforeAll(async () => {
  manager = await tokenFor('manager', ['st_any']);
  admin = await tokenFor('admin');
});

const json = { 'content-type': 'application/json' };

describe('bad input over HTTP', () => {
  it('answers malformed JSON with 400 naming body', async () => {
    const problem = await rejected('POST', '/products', 400, {
      token: manager,
      rawBody: '{"name": ',
      headers: json,
    });
    expect(errorPaths(problem)).toEqual(['body']);
    const empty = await rejected('POST', '/stores', 400, { token: admin, rawBody: '', headers: json });
    expect(errorPaths(empty)).toEqual(['body']);
  });

  it('names the field with the wrong type', async () => {
    const body = productInput();
    const wrong = { ...body, variants: [{ ...body.variants[0], price: '12' }] };
    const problem = await rejected('POST', '/products', 400, { token: manager, body: wrong });
    expect(errorPaths(problem)).toEqual(['body.variants[0].price']);
  });

  it('names unknown fields', async () => {
    const problem = await rejected('POST', '/products', 400, {
      token: manager,
      body: { ...productInput(), colour: 'red' },
    });
    expect(errorPaths(problem)).toEqual(['body.colour']);
    const query = await rejected('GET', '/products?colour=red', 400, { token: manager });
    expect(errorPaths(query)).toEqual(['query.colour']);
  });

  it('refuses out-of-range or non-numeric limits naming query.limit', async () => {
    for (const limit of ['0', '101', 'abc', '2.5']) {
      for (const path of ['/products', '/stores']) {
        const problem = await rejected('GET', `${path}?limit=${limit}`, 400, { token: admin });
        expect(errorPaths(problem), `${path}?limit=${limit}`).toEqual(['query.limit']);
      }
    }
  });

  it('refuses a tampered cursor and a cursor from another listing, naming query.cursor', async () => {
    const [categoryA, categoryB] = [uniqueCategory(), uniqueCategory()];
    for (const category of [categoryA, categoryA, categoryB])
      await createProduct(manager, { category, attributes: {} });
    const page = expectSuccess(
      await api<ProductPage>('GET', `/products?category=${categoryA}&limit=1`, { token: manager }),
      200,
    );
    const cursor = page.nextCursor ?? '';
    expect(cursor).not.toBe('');

    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    const attempts = [
      `/products?category=${categoryA}&limit=1&cursor=${encodeURIComponent(tampered)}`,
      `/products?category=${categoryA}&limit=1&cursor=garbage`,
      `/products?category=${categoryB}&limit=1&cursor=${encodeURIComponent(cursor)}`,
      `/products?limit=1&cursor=${encodeURIComponent(cursor)}`,
      `/stores?limit=1&cursor=${encodeURIComponent(cursor)}`,
    ];
    for (const path of attempts) {
      const problem = await rejected('GET', path, 400, { token: admin });
      expect(errorPaths(problem), path).toEqual(['query.cursor']);
    }
  });

  it('answers a body that is not JSON with 415', async () => {
    await rejected('POST', '/products', 415, {
      token: manager,
      rawBody: 'name=Lens',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await rejected('POST', '/stores', 415, {
      token: admin,
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
  });

  it('refuses malformed path parameters', async () => {
    const problem = await rejected('GET', '/stores/not%20an%20id', 400, { token: admin });
    expect(errorPaths(problem)).toEqual(['params.storeId']);
  });
});
