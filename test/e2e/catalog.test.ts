import { beforeAll, describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../lib/catalog/gtin.js';
import type { ProductView as Product } from '../../lib/catalog/product-schemas.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, uniqueBarcode, uniqueCategory } from '../support/e2e-resources.js';
import { productInput, storeInput, uniqueSuffix } from '../support/fixtures.js';

type ProductPage = { items: Product[]; nextCursor: string | null };

let manager: string;
let staff: string;
let finance: string;

beforeAll(async () => {
  manager = await tokenFor('manager', ['st_any']);
  staff = await tokenFor('staff', ['st_any']);
  finance = await tokenFor('finance');
});

const variant = (sku: string, power: string, barcode?: string) => ({
  sku,
  options: { power },
  price: 4500,
  cost: 2000,
  currency: 'AUD',
  ...(barcode ? { barcode } : {}),
});

/** Every page of a listing, following nextCursor. */
const collectPages = async (query: string, token: string): Promise<{ items: Product[]; pages: number }> => {
  const items: Product[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: ProductPage = expectSuccess(
      await api<ProductPage>('GET', `/products?${query}${suffix}`, { token }),
      200,
    );
    expect(page.items.length).toBeLessThanOrEqual(2);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { items, pages };
};

describe('catalog over HTTP', () => {
  it('lets a manager add a product with variants that every role can read', async () => {
    const body = productInput({ name: 'Acuvue Oasys' });
    const response = await api<Product>('POST', '/products', { token: manager, body });
    const product = expectSuccess(response, 201);
    expect(response.headers.etag).toBe('"1"');
    expect(response.headers.location).toBe(`/products/${product.productId}`);
    expect(product).toMatchObject({ name: 'Acuvue Oasys', version: 1, variants: body.variants });

    for (const token of [finance, manager]) {
      const read = await api<Product>('GET', `/products/${product.productId}`, { token });
      expect(expectSuccess(read, 200)).toEqual(product);
      expect(read.headers.etag).toBe('"1"');
    }
    // Staff read it without cost prices.
    const read = await api<Product>('GET', `/products/${product.productId}`, { token: staff });
    expect(expectSuccess(read, 200)).toEqual({
      ...product,
      variants: product.variants.map(({ cost: _cost, ...rest }) => rest),
    });
    await rejected('GET', '/products/pr_missing', 404, { token: staff });
  });

  it('does not let staff or finance write the catalog', async () => {
    for (const token of [staff, finance])
      await rejected('POST', '/products', 403, { token, body: productInput() });
  });

  it('lists by category and status, page by page, without repeats', async () => {
    const category = uniqueCategory();
    const statuses = ['active', 'draft', 'active', 'draft', 'active'] as const;
    const created: Product[] = [];
    for (const [i, status] of statuses.entries()) {
      created.push(await createProduct(manager, { name: `Lens ${i}`, category, status, attributes: {} }));
    }
    await createProduct(manager, { category: uniqueCategory(), status: 'active', attributes: {} });

    const all = await collectPages(`category=${category}&limit=2`, staff);
    expect(all.pages).toBeGreaterThanOrEqual(3);
    expect(all.items.map((p) => p.productId).sort()).toEqual(created.map((p) => p.productId).sort());
    // Ordered by status, then name.
    expect(all.items.map((p) => `${p.status} ${p.name}`)).toEqual(
      [...all.items].map((p) => `${p.status} ${p.name}`).sort(),
    );

    const active = await collectPages(`category=${category}&status=active&limit=2`, finance);
    expect(active.items.map((p) => p.name).sort()).toEqual(['Lens 0', 'Lens 2', 'Lens 4']);
    const drafts = await collectPages(`category=${category}&status=draft&limit=2`, finance);
    expect(drafts.items.map((p) => p.name).sort()).toEqual(['Lens 1', 'Lens 3']);

    const firstPage = expectSuccess(
      await api<ProductPage>('GET', '/products?status=draft&limit=2', { token: staff }),
      200,
    );
    expect(firstPage.items.every((p) => p.status === 'draft')).toBe(true);
  });

  it('refuses a SKU or barcode another product owns with 409 naming the field', async () => {
    const barcode = uniqueBarcode();
    const owner = await createProduct(manager, {
      variants: [variant(`OWN-${uniqueSuffix()}`, '-1.00', barcode)],
    });
    const takenSku = owner.variants[0]?.sku ?? '';

    const skuClash = await rejected('POST', '/products', 409, {
      token: manager,
      body: productInput({
        variants: [variant(takenSku, '-1.00'), variant(`NEW-${uniqueSuffix()}`, '-2.00')],
      }),
    });
    expect(errorPaths(skuClash)).toEqual(['body.variants[0].sku']);

    const barcodeClash = await rejected('POST', '/products', 409, {
      token: manager,
      body: productInput({
        variants: [
          variant(`NEW-${uniqueSuffix()}`, '-1.00'),
          variant(`NEW-${uniqueSuffix()}`, '-2.00', barcode),
        ],
      }),
    });
    expect(errorPaths(barcodeClash)).toEqual(['body.variants[1].barcode']);
  });

  it('claims added SKUs on a variants PATCH and never frees one: a variant left out is 409, archived it stays', async () => {
    const [keep, drop, add] = ['KEEP', 'DROP', 'ADD'].map((name) => `${name}-${uniqueSuffix()}`) as [
      string,
      string,
      string,
    ];
    const product = await createProduct(manager, {
      variants: [variant(keep, '-1.00'), variant(drop, '-2.00')],
    });

    const dropped = await rejected('PATCH', `/products/${product.productId}`, 409, {
      token: manager,
      body: { variants: [variant(keep, '-1.00'), variant(add, '-3.00')] },
      headers: { 'if-match': '"1"' },
    });
    expect(errorPaths(dropped)).toEqual(['body.variants']);
    expect(dropped.detail).toContain(drop);

    const patched = await api<Product>('PATCH', `/products/${product.productId}`, {
      token: manager,
      body: {
        variants: [
          variant(keep, '-1.00'),
          { ...variant(drop, '-2.00'), status: 'archived' },
          variant(add, '-3.00'),
        ],
      },
      headers: { 'if-match': '"1"' },
    });
    expect(expectSuccess(patched, 200).variants.map((v) => [v.sku, v.status])).toEqual([
      [keep, 'active'],
      [drop, 'archived'],
      [add, 'active'],
    ]);
    expect(patched.headers.etag).toBe('"2"');

    for (const sku of [add, drop]) {
      const clash = await rejected('POST', '/products', 409, {
        token: manager,
        body: productInput({ variants: [variant(sku, '-1.00')] }),
      });
      expect(errorPaths(clash)).toEqual(['body.variants[0].sku']);
    }

    await rejected('PATCH', `/products/${product.productId}`, 412, {
      token: manager,
      body: { name: 'Stale' },
      headers: { 'if-match': '"1"' },
    });
    await rejected('PATCH', `/products/${product.productId}`, 403, {
      token: staff,
      body: { name: 'Staff edit' },
      headers: { 'if-match': '"2"' },
    });
  });

  it('refuses barcodes whose check digit is wrong, naming the variant', async () => {
    const good = uniqueBarcode();
    const wrong = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    for (const barcode of [wrong, '123456789', '12345670x']) {
      const problem = await rejected('POST', '/products', 400, {
        token: manager,
        body: productInput({ variants: [variant(`GT-${uniqueSuffix()}`, '-1.00', barcode)] }),
      });
      expect(errorPaths(problem)).toEqual(['body.variants[0].barcode']);
    }
    const lookup = await rejected('GET', `/products?barcode=${wrong}`, 400, { token: staff });
    expect(lookup.errors?.[0]).toMatchObject({
      path: 'query.barcode',
      message: expect.stringContaining('check digit'),
    });
  });
});

describe('archived variants', () => {
  it('are not sold, but their stock stays readable and can be written off', async () => {
    const admin = await tokenFor('admin');
    const store = expectSuccess(
      await api<{ storeId: string }>('POST', '/stores', { token: admin, body: storeInput() }),
      201,
    );
    const [kept, retired] = [`AR-${uniqueSuffix()}`, `AR-${uniqueSuffix()}`];
    const product = await createProduct(manager, {
      variants: [variant(kept, '-1.00'), variant(retired, '-2.00')],
    });
    const levelPath = `/stores/${store.storeId}/inventory/${retired}`;
    expectSuccess(
      await api('POST', `${levelPath}/adjustments`, { token: admin, body: { delta: 3, reason: 'received' } }),
      201,
    );
    expectSuccess(
      await api('PATCH', `/products/${product.productId}`, {
        token: manager,
        body: { variants: [variant(kept, '-1.00'), { ...variant(retired, '-2.00'), status: 'archived' }] },
        headers: { 'if-match': '"1"' },
      }),
      200,
    );

    const sale = await rejected('POST', '/orders', 400, {
      token: admin,
      body: { storeId: store.storeId, channel: 'in_store', lines: [{ sku: retired, quantity: 1 }] },
      headers: { 'idempotency-key': `e2e-${uniqueSuffix()}-archived` },
    });
    expect(sale.errors).toEqual([
      { path: 'body.lines[0].sku', message: `${retired} is not on sale (variant is archived).` },
    ]);
    const staffHere = await tokenFor('staff', [store.storeId]);
    expect(expectSuccess(await api('GET', levelPath, { token: staffHere }), 200)).toMatchObject({
      onHand: 3,
    });
    const writeOff = await api<{ level: { onHand: number } }>('POST', `${levelPath}/adjustments`, {
      token: admin,
      body: { delta: -3, reason: 'shrinkage', note: 'Discontinued' },
    });
    expect(expectSuccess(writeOff, 201).level.onHand).toBe(0);
    const found = expectSuccess(
      await api<ProductPage>('GET', `/products?sku=${retired}`, { token: manager }),
      200,
    );
    expect(found.items[0]?.variants.find((v) => v.sku === retired)?.status).toBe('archived');
  });
});

describe('cost prices', () => {
  it('are left out for staff on every product response, and given to managers, admin and finance', async () => {
    const admin = await tokenFor('admin');
    const barcode = uniqueBarcode();
    const name = `Costed ${uniqueSuffix()}`;
    const product = await createProduct(manager, {
      name,
      category: uniqueCategory(),
      variants: [
        variant(`CST-${uniqueSuffix()}`, '-1.00', barcode),
        variant(`CST-${uniqueSuffix()}`, '-2.00'),
      ],
    });
    const sku = product.variants[1]?.sku ?? '';
    const reads = [
      `/products/${product.productId}`,
      `/products?category=${product.category}`,
      `/products?barcode=${barcode}`,
      `/products?sku=${sku}`,
      `/products?q=${encodeURIComponent(name)}`,
    ];
    const variantsIn = (body: Product | ProductPage) =>
      ('items' in body ? body.items : [body]).flatMap((p) => p.variants);
    for (const path of reads) {
      const staffVariants = variantsIn(
        expectSuccess(await api<Product | ProductPage>('GET', path, { token: staff }), 200),
      );
      expect(staffVariants.length, path).toBeGreaterThan(0);
      for (const shown of staffVariants) expect(shown, path).not.toHaveProperty('cost');
      for (const token of [manager, admin, finance]) {
        const shown = variantsIn(
          expectSuccess(await api<Product | ProductPage>('GET', path, { token }), 200),
        );
        expect(
          shown.map((v) => v.cost),
          path,
        ).toEqual([2000, 2000]);
      }
    }
    // Writers see cost in what they get back.
    const updated = await api<Product>('PATCH', `/products/${product.productId}`, {
      token: manager,
      body: { name: `${name} v2` },
      headers: { 'if-match': '"1"' },
    });
    expect(expectSuccess(updated, 200).variants.map((v) => v.cost)).toEqual([2000, 2000]);
  });
});

describe('till lookups', () => {
  it('finds by barcode (any GTIN spelling) or SKU with the variant marked, and by name prefix', async () => {
    // A UPC-A (12 digits) stored in its EAN-13 spelling, scanned in any of them.
    const upcBody = uniqueBarcode().slice(1, 12);
    const ean = `0${upcBody}${gtinCheckDigit(upcBody)}`;
    const word = `Tl${uniqueSuffix().toLowerCase()}`;
    const body = {
      name: `${word} Crème`,
      variants: [variant(`TL-${uniqueSuffix()}`, '-1.00'), variant(`TL-${uniqueSuffix()}`, '-2.00', ean)],
    };
    const product = expectSuccess(
      await api<Product>('POST', '/products', { token: manager, body: productInput(body) }),
      201,
    );
    const marked = product.variants[1]?.sku;

    for (const scanned of [ean, ean.slice(1), `0${ean}`]) {
      const page = expectSuccess(
        await api<ProductPage>('GET', `/products?barcode=${scanned}`, { token: manager }),
        200,
      );
      expect(page).toEqual({ items: [{ ...product, matchedSku: marked }], nextCursor: null });
    }
    const bySku = expectSuccess(
      await api<ProductPage>('GET', `/products?sku=${marked}`, { token: finance }),
      200,
    );
    expect(bySku.items.map((p) => [p.productId, p.matchedSku])).toEqual([[product.productId, marked]]);
    const none = expectSuccess(
      await api<ProductPage>('GET', `/products?sku=NONE-${uniqueSuffix()}`, { token: staff }),
      200,
    );
    expect(none).toEqual({ items: [], nextCursor: null });

    const found = expectSuccess(
      await api<ProductPage>('GET', `/products?q=${encodeURIComponent(`${word.toUpperCase()} CREME`)}`, {
        token: staff,
      }),
      200,
    );
    expect(found.items.map((p) => p.productId)).toEqual([product.productId]);
    expect(found.items[0]).not.toHaveProperty('matchedSku');
  });

  it('pages a name search in name order', async () => {
    const word = `Pg${uniqueSuffix().toLowerCase()}`;
    for (const suffix of ['c', 'A', 'b']) await createProduct(manager, { name: `${word} ${suffix}` });
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `q=${word}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: ProductPage = expectSuccess(
        await api<ProductPage>('GET', `/products?${query}`, { token: staff }),
        200,
      );
      names.push(...page.items.map((p) => p.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect(names).toEqual([`${word} A`, `${word} b`, `${word} c`]);
  });

  it('answers contradictory or empty lookups with 400 naming the field, writing nothing', async () => {
    const cases: [string, string[]][] = [
      ['barcode=9300601234561&sku=A-1', ['query.sku']],
      ['sku=A-1&q=acu', ['query.q']],
      ['barcode=9300601234561&category=lens-care', ['query.category']],
      ['sku=A-1&status=active&cursor=abc', ['query.status', 'query.cursor']],
      ['q=acu&status=active', ['query.status']],
      ['q=acu&category=lens-care', ['query.category']],
      ['q=%23%23', ['query.q']],
      ['q=', ['query.q']],
      ['sku=lower-case', ['query.sku']],
      ['barcode=930060123456', ['query.barcode']],
    ];
    for (const [query, paths] of cases) {
      const problem = await rejected('GET', `/products?${query}`, 400, { token: staff });
      expect(errorPaths(problem).sort(), query).toEqual(paths.sort());
    }
  });
});
