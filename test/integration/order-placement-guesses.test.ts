import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProduct, getProduct, updateProduct } from '../../lib/catalog/product-service.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { ENTITY, guardKeys, productKeys } from '../../lib/db/keys.js';
import { batchGetItems } from '../../lib/db/query-page.js';
import { catalogKeys, forgetKnownSkus, remembersSku, resolveLines } from '../../lib/orders/order-catalog.js';
import { getStore, updateStore } from '../../lib/stores/store-service.js';
import { admin, productInput, uniqueSuffix } from '../support/fixtures.js';
import { place } from '../support/order-fixtures.js';
import { receiveStock } from '../support/stock-fixtures.js';
import { addRate, newRegion, newTaxedStore } from '../support/tax-fixtures.js';

/**
 * Order placement reads a warm container's products, and the rate card of the region it last
 * saw the store in, with its key BatchGet (lib/orders/order-catalog.ts, order-context.ts,
 * order-placement.ts). These prove that a guess is only ever a guess: whatever changed since,
 * the order is priced and taxed as if read cold.
 */
describe('order placement: remembered products and tax keys are checked, never trusted', () => {
  beforeEach(() => forgetKnownSkus());

  const lensProduct = async (storeId: string) => {
    const sku = `GUESS-${uniqueSuffix()}`;
    const product = await createProduct(admin, {
      ...productInput({ category: 'contact-lenses' }),
      variants: [{ sku, options: {}, price: 3300, cost: 1000, currency: 'AUD' }],
    });
    await receiveStock(storeId, sku, product.productId, 20);
    return { sku, productId: product.productId };
  };

  it('a product whose category changed is taxed at the new category’s rate', async () => {
    const { storeId } = await newTaxedStore();
    const { sku, productId } = await lensProduct(storeId);
    const first = await place(admin, storeId, [{ sku, quantity: 1 }]);
    expect(first.lines[0]).toMatchObject({ taxName: 'GST-free', taxRate: 0 });
    expect(remembersSku(sku)).toBe(true);

    const current = await getProduct(productId);
    await updateProduct(admin, productId, { category: 'lens-care', attributes: {} }, current.version);
    const second = await place(admin, storeId, [{ sku, quantity: 1 }]);
    expect(second.lines[0]).toMatchObject({
      category: 'lens-care',
      taxName: 'GST',
      taxRate: 1000,
      taxAmount: 300,
    });
  });

  it('a store moved to another region is taxed at that region’s rates', async () => {
    const { storeId } = await newTaxedStore();
    const { sku } = await lensProduct(storeId);
    expect((await place(admin, storeId, [{ sku, quantity: 1 }])).lines[0]).toMatchObject({ taxRate: 0 });

    const region = newRegion();
    await addRate(region, 'contact-lenses', 1500, '2000-01-01T00:00:00Z', 'VAT');
    const store = await getStore(admin, storeId);
    await updateStore(admin, storeId, { region }, store.version);
    expect((await place(admin, storeId, [{ sku, quantity: 1 }])).lines[0]).toMatchObject({
      taxName: 'VAT',
      taxRate: 1500,
    });
  });

  it('a remembered product that no longer lists the SKU sends the line back to its SKU guard', async () => {
    const { storeId } = await newTaxedStore();
    const { sku, productId } = await lensProduct(storeId);
    await place(admin, storeId, [{ sku, quantity: 1 }]);
    expect(catalogKeys([{ sku }])).toEqual([productKeys.item(productId)]);

    // Rewritten under the hood (the API never moves a SKU): the guard names another product.
    const other = `pr_moved_${uniqueSuffix().toLowerCase()}`;
    const { Item: old } = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: productKeys.item(productId) }),
    );
    const variants = (old?.variants ?? []) as { sku: string }[];
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { ...old, variants: [] } }));
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...old,
          ...productKeys.item(other),
          productId: other,
          name: 'Moved',
          variants,
          entityType: ENTITY.product,
        },
      }),
    );
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...guardKeys.item('SKU', sku),
          entityType: ENTITY.uniqueGuard,
          kind: 'SKU',
          value: sku,
          ownerId: other,
        },
      }),
    );

    const items = await batchGetItems(catalogKeys([{ sku }]));
    const [line] = await resolveLines([{ sku, quantity: 1 }], items);
    expect(line).toMatchObject({ sku, productId: other, name: 'Moved' });
    expect(catalogKeys([{ sku }])).toEqual([productKeys.item(other)]);
  });

  it('an unknown SKU is reported and not remembered', async () => {
    const sku = `NOPE-${uniqueSuffix()}`;
    const items = await batchGetItems(catalogKeys([{ sku }]));
    await expect(resolveLines([{ sku, quantity: 1 }], items)).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.lines[0].sku', message: `Unknown SKU ${sku}.` }],
    });
    expect(catalogKeys([{ sku }])).toEqual([guardKeys.item('SKU', sku)]);
    expect(remembersSku(sku)).toBe(false);
  });
});
