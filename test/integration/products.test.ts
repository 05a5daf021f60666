import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../lib/catalog/gtin.js';
import { createProduct, getProduct, listProducts, updateProduct } from '../../lib/catalog/product-service.js';
import { adjustInventory, getInventoryLevel } from '../../lib/inventory/inventory-service.js';
import { admin, productInput, uniqueSuffix } from '../support/fixtures.js';
import { newSellingStore, place, staffAt, stockedSkus } from '../support/order-fixtures.js';
import { movementReasons } from '../support/stock-fixtures.js';

/** A fresh EAN-13 in GS1's restricted-circulation range, with its check digit. */
const uniqueGtin = (): string => {
  const body = `29${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  return `${body}${gtinCheckDigit(body)}`;
};

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

    const barcode = uniqueGtin();
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

  it('moves barcode guards when variants change, and keeps every SKU its product’s', async () => {
    const product = await createProduct(admin, productInput());
    const [keep, other] = product.variants;
    if (!keep || !other) throw new Error('fixture has two variants');
    const [oldCode, newCode] = [uniqueGtin(), uniqueGtin()];
    const added = { ...keep, sku: `NEW-${uniqueSuffix()}`, options: { power: '-3.00' }, barcode: oldCode };
    const v2 = await updateProduct(admin, product.productId, { variants: [keep, other, added] }, 1);
    expect(v2.variants.map((v) => v.sku)).toEqual([keep.sku, other.sku, added.sku]);
    // The barcode moves to the new code: the old one is free again, the new one taken.
    await updateProduct(
      admin,
      product.productId,
      { variants: [keep, other, { ...added, barcode: newCode }] },
      2,
    );
    const withBarcode = (barcode: string) =>
      productInput({
        variants: [{ sku: `B-${uniqueSuffix()}`, options: {}, price: 1, cost: 1, currency: 'AUD', barcode }],
      });
    await expect(createProduct(admin, withBarcode(newCode))).rejects.toMatchObject({ status: 409 });
    await expect(createProduct(admin, withBarcode(oldCode))).resolves.toMatchObject({ version: 1 });
    await expect(
      createProduct(admin, productInput({ variants: [{ ...added, options: {}, barcode: undefined }] })),
    ).rejects.toMatchObject({ status: 409, errors: [{ path: 'body.variants[0].sku' }] });
  });

  it('refuses a variants list that leaves a variant out, writing nothing, and archives instead', async () => {
    const product = await createProduct(admin, productInput());
    const [keep, drop] = product.variants;
    if (!keep || !drop) throw new Error('fixture has two variants');
    const replacement = { ...drop, sku: `NEW-${uniqueSuffix()}` };
    for (const variants of [[keep], [keep, replacement]]) {
      await expect(updateProduct(admin, product.productId, { variants }, 1)).rejects.toMatchObject({
        status: 409,
        errors: [{ path: 'body.variants' }],
      });
    }
    expect(await getProduct(product.productId)).toEqual(product);
    // The SKU of a variant that was never stocked is not freed either.
    await expect(createProduct(admin, productInput({ variants: [drop] }))).rejects.toMatchObject({
      status: 409,
    });

    // Archived, it stays with its SKU, and a replacement may take its option values.
    const archived = { ...drop, status: 'archived' as const };
    const updated = await updateProduct(
      admin,
      product.productId,
      { variants: [keep, archived, replacement] },
      1,
    );
    expect(updated.variants.map((v) => [v.sku, v.status ?? 'active'])).toEqual([
      [keep.sku, 'active'],
      [drop.sku, 'archived'],
      [replacement.sku, 'active'],
    ]);
    expect(await getProduct(product.productId)).toEqual(updated);
    // And it can come back on sale.
    const back = await updateProduct(
      admin,
      product.productId,
      { variants: [keep, { ...drop, status: 'active' }, { ...replacement, status: 'archived' }] },
      2,
    );
    expect(back.variants.map((v) => v.status)).toEqual([undefined, 'active', 'archived']);
  });

  it('keeps an archived variant’s stock readable and adjustable, and refuses to sell it', async () => {
    const storeId = await newSellingStore();
    const { productId, skus } = await stockedSkus(storeId, [5, 4]);
    const [sold, retired] = skus as [string, string];
    const current = await getProduct(productId);
    const variants = current.variants.map((v) =>
      v.sku === retired ? { ...v, status: 'archived' as const } : v,
    );
    await updateProduct(admin, productId, { variants }, current.version);

    await expect(place(staffAt(storeId), storeId, [{ sku: retired, quantity: 1 }])).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.lines[0].sku', message: `${retired} is not on sale (variant is archived).` }],
    });
    await expect(place(staffAt(storeId), storeId, [{ sku: sold, quantity: 1 }])).resolves.toMatchObject({
      status: 'PENDING_PAYMENT',
    });
    expect(await getInventoryLevel(admin, storeId, retired)).toMatchObject({ onHand: 4, productId });
    const writeOff = await adjustInventory(admin, storeId, retired, {
      delta: -4,
      reason: 'shrinkage',
      note: 'Discontinued, written off',
    });
    expect(writeOff.level).toMatchObject({ onHand: 0, available: 0 });
    expect(await movementReasons(storeId, retired)).toEqual(['received', 'shrinkage']);
    // Its SKU still cannot go to another product.
    const clash = productInput({
      variants: [{ sku: retired, options: {}, price: 1, cost: 1, currency: 'AUD' }],
    });
    await expect(createProduct(admin, clash)).rejects.toMatchObject({ status: 409 });
  });

  it('allows exactly one of many concurrent archive-or-drop changes at a version', async () => {
    const product = await createProduct(admin, productInput());
    const [a, b] = product.variants;
    if (!a || !b) throw new Error('fixture has two variants');
    const attempts = Array.from({ length: 4 }, (_, i) =>
      updateProduct(
        admin,
        product.productId,
        { variants: [a, { ...b, price: 100 + i, status: 'archived' }] },
        1,
      ),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status),
    ).toEqual([412, 412, 412]);
    expect((await getProduct(product.productId)).variants).toHaveLength(2);
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

describe('till lookups against DynamoDB Local', () => {
  it('finds the product by barcode, in any spelling of its GTIN, marking the variant', async () => {
    const upc = `0${uniqueGtin().slice(2, 12)}`;
    const upcA = `${upc}${gtinCheckDigit(upc)}`; // 12 digits
    const input = productInput();
    input.variants[1] = { ...(input.variants[1] as (typeof input.variants)[number]), barcode: `0${upcA}` };
    const product = await createProduct(admin, input);
    const sku = product.variants[1]?.sku;
    for (const scanned of [`0${upcA}`, upcA, `00${upcA}`]) {
      const page = await listProducts({ barcode: scanned, limit: 25 });
      expect(page).toEqual({ items: [{ ...product, matchedSku: sku }], nextCursor: null });
    }
    expect(await listProducts({ barcode: uniqueGtin(), limit: 25 })).toEqual({ items: [], nextCursor: null });
  });

  it('finds the product by SKU, archived variants included, and nothing for an unknown SKU', async () => {
    const product = await createProduct(admin, productInput());
    const [first, second] = product.variants;
    if (!first || !second) throw new Error('fixture has two variants');
    const archived = await updateProduct(
      admin,
      product.productId,
      { variants: [first, { ...second, status: 'archived' }] },
      1,
    );
    expect(await listProducts({ sku: second.sku, limit: 25 })).toEqual({
      items: [{ ...archived, matchedSku: second.sku }],
      nextCursor: null,
    });
    expect((await listProducts({ sku: `NONE-${uniqueSuffix()}`, limit: 25 })).items).toEqual([]);
  });

  it('searches names by prefix, ignoring case and accents, in name order, page by page', async () => {
    const word = `Zq${uniqueSuffix().toLowerCase()}`;
    const names = [`${word} Crème B`, `${word} creme a`, `${word.toUpperCase()} CRÈME C`, `${word} other`];
    const made = await Promise.all(
      names.map((name, i) =>
        createProduct(admin, productInput({ name, status: i === 3 ? 'draft' : 'active' })),
      ),
    );
    const search = async (q: string) => {
      const found: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listProducts({ q, limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        found.push(...page.items.map((p) => p.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return found;
    };
    expect(await search(`${word.toUpperCase()} CREME`)).toEqual([names[1], names[0], names[2]]);
    expect(await search(`${word} `)).toHaveLength(4);
    expect(await search(`${word} crè`)).toHaveLength(3);
    expect(await search(`${word}x`)).toEqual([]);

    // A rename moves the product in the index with the same transaction.
    await updateProduct(admin, made[3]?.productId ?? '', { name: `${word} crème d` }, 1);
    expect(await search(`${word} creme`)).toEqual([names[1], names[0], names[2], `${word} crème d`]);
    await expect(listProducts({ q: '#', limit: 25 })).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'query.q' }],
    });
  });

  it('refuses a search cursor on another search', async () => {
    const word = `Zc${uniqueSuffix().toLowerCase()}`;
    await Promise.all([1, 2].map((i) => createProduct(admin, productInput({ name: `${word} ${i}` }))));
    const first = await listProducts({ q: word, limit: 1 });
    expect(first.nextCursor).toBeTruthy();
    await expect(
      listProducts({ q: `${word} 2`, limit: 1, cursor: first.nextCursor ?? undefined }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
