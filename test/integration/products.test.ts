import { describe, expect, it } from 'vitest';
import { createProduct, getProduct, listProducts, updateProduct } from '../../lib/catalog/product-service.js';
import { admin, productInput, uniqueSuffix } from '../support/fixtures.js';

const allPages = async (query: { category?: string; status?: 'draft' | 'active' | 'archived' }) => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listProducts({ ...query, limit: 2, cursor });
    ids.push(...page.items.map((p) => p.productId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
};

describe('product service against DynamoDB Local', () => {
  it('creates a product with variants and reads it back', async () => {
    const product = await createProduct(admin, productInput({ name: 'Oasys' }));
    expect(product).toMatchObject({ name: 'Oasys', version: 1, updatedBy: 'test-admin' });
    expect(await getProduct(product.productId)).toEqual(product);
  });

  it('refuses a SKU or barcode another product owns, and writes nothing', async () => {
    const first = await createProduct(admin, productInput());
    const sku = first.variants[0]?.sku ?? '';
    const clash = productInput();
    clash.variants[1] = { ...clash.variants[1], sku } as (typeof clash.variants)[number];
    await expect(createProduct(admin, clash)).rejects.toMatchObject({
      status: 409,
      errors: [{ path: 'body.variants[1].sku' }],
    });
    // The clashing product's other SKU was not claimed: a new product can still use it.
    const reuse = productInput({
      variants: [{ ...clash.variants[0], price: 1 } as (typeof clash.variants)[number]],
    });
    await expect(createProduct(admin, reuse)).resolves.toMatchObject({ version: 1 });

    const barcode = `93${Date.now()}`.slice(0, 13);
    const withBarcode = productInput();
    withBarcode.variants[0] = {
      ...withBarcode.variants[0],
      barcode,
    } as (typeof withBarcode.variants)[number];
    await createProduct(admin, withBarcode);
    const barcodeClash = productInput();
    barcodeClash.variants[0] = {
      ...barcodeClash.variants[0],
      barcode,
    } as (typeof barcodeClash.variants)[number];
    await expect(createProduct(admin, barcodeClash)).rejects.toMatchObject({ status: 409 });
  });

  it('lets exactly one of many concurrent creates claim a SKU', async () => {
    const sku = `RACE-${uniqueSuffix()}`;
    const attempts = Array.from({ length: 6 }, () =>
      createProduct(
        admin,
        productInput({ variants: [{ sku, options: {}, price: 100, cost: 50, currency: 'AUD' }] }),
      ),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('moves SKU guards when variants change, so a removed SKU becomes free', async () => {
    const product = await createProduct(admin, productInput());
    const [keep, drop] = product.variants;
    if (!keep || !drop) throw new Error('fixture has two variants');
    const added = { ...keep, sku: `NEW-${uniqueSuffix()}`, options: { power: '-3.00' } };
    const updated = await updateProduct(admin, product.productId, { variants: [keep, added] }, 1);
    expect(updated.variants.map((v) => v.sku)).toEqual([keep.sku, added.sku]);
    expect(updated.version).toBe(2);

    await expect(
      createProduct(admin, productInput({ variants: [{ ...added, options: {} }] })),
    ).rejects.toMatchObject({ status: 409 });
    await expect(createProduct(admin, productInput({ variants: [drop] }))).resolves.toMatchObject({
      version: 1,
    });
  });

  it('rejects stale versions and invalid typed attributes without writing', async () => {
    const product = await createProduct(admin, productInput());
    await expect(updateProduct(admin, product.productId, { name: 'X' }, 7)).rejects.toMatchObject({
      status: 412,
    });
    await expect(
      updateProduct(
        admin,
        product.productId,
        { attributes: { baseCurve: 42, diameter: 14, replacementSchedule: 'daily' } },
        1,
      ),
    ).rejects.toMatchObject({ status: 400 });
    await expect(updateProduct(admin, 'pr_missing', { name: 'X' }, 1)).rejects.toMatchObject({ status: 404 });
    expect(await getProduct(product.productId)).toEqual(product);
  });

  it('lists by category and status through the indexes, page by page', async () => {
    const category = `cat-${uniqueSuffix().toLowerCase()}`;
    const other = { baseCurve: 1 } as Record<string, unknown>;
    const made = await Promise.all(
      (['active', 'active', 'active', 'draft', 'archived'] as const).map((status) =>
        createProduct(admin, productInput({ category, status, attributes: other as never })),
      ),
    );
    const byCategory = await allPages({ category });
    expect(byCategory.sort()).toEqual(made.map((p) => p.productId).sort());
    const activeInCategory = await allPages({ category, status: 'active' });
    expect(activeInCategory).toHaveLength(3);
    const allActive = await allPages({ status: 'active' });
    expect(allActive).toEqual(expect.arrayContaining(activeInCategory));
    expect(new Set(allActive).size).toBe(allActive.length);

    const renamed = await updateProduct(admin, made[0]?.productId ?? '', { status: 'archived' }, 1);
    expect(renamed.status).toBe('archived');
    expect(await allPages({ category, status: 'active' })).toHaveLength(2);
  });

  it('refuses a cursor from another listing', async () => {
    const category = `cat-${uniqueSuffix().toLowerCase()}`;
    await Promise.all([1, 2, 3].map(() => createProduct(admin, productInput({ category, attributes: {} }))));
    const first = await listProducts({ category, limit: 1 });
    expect(first.nextCursor).toBeTruthy();
    await expect(listProducts({ limit: 1, cursor: first.nextCursor ?? undefined })).rejects.toMatchObject({
      status: 400,
    });
  });
});
