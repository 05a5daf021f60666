import { beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../lib/catalog/product-schemas.js';
import { api, errorPaths, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, uniqueBarcode, uniqueCategory } from '../support/e2e-resources.js';
import { productInput, uniqueSuffix } from '../support/fixtures.js';

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

    for (const token of [staff, finance, manager]) {
      const read = await api<Product>('GET', `/products/${product.productId}`, { token });
      expect(expectSuccess(read, 200)).toEqual(product);
      expect(read.headers.etag).toBe('"1"');
    }
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

  it('moves SKUs on a variants PATCH: added ones are claimed, removed ones are free again', async () => {
    const [keep, drop, add] = ['KEEP', 'DROP', 'ADD'].map((name) => `${name}-${uniqueSuffix()}`) as [
      string,
      string,
      string,
    ];
    const product = await createProduct(manager, {
      variants: [variant(keep, '-1.00'), variant(drop, '-2.00')],
    });

    const patched = await api<Product>('PATCH', `/products/${product.productId}`, {
      token: manager,
      body: { variants: [variant(keep, '-1.00'), variant(add, '-3.00')] },
      headers: { 'if-match': '"1"' },
    });
    expect(expectSuccess(patched, 200).variants.map((v) => v.sku)).toEqual([keep, add]);
    expect(patched.headers.etag).toBe('"2"');

    const clash = await rejected('POST', '/products', 409, {
      token: manager,
      body: productInput({ variants: [variant(add, '-1.00')] }),
    });
    expect(errorPaths(clash)).toEqual(['body.variants[0].sku']);
    const other = await createProduct(manager, { variants: [variant(drop, '-2.00')] });
    expect(other.variants.map((v) => v.sku)).toEqual([drop]);

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
});
