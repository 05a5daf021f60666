import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/table-setup.js';
import { createProduct, getProduct } from '../../lib/catalog/product-service.js';
import { createCustomer, getCustomer } from '../../lib/customers/customer-service.js';
import { customersCsv, exportCatalog, exportStock } from '../../lib/exports/csv-export.js';
import { runImport } from '../../lib/imports/run-import.js';
import { getInventoryLevel } from '../../lib/inventory/inventory-service.js';
import { createStore } from '../../lib/stores/store-service.js';
import { customerInput } from '../support/customer-fixtures.js';
import { admin, storeInput, uniqueSuffix } from '../support/fixtures.js';
import { receiveStock } from '../support/stock-fixtures.js';

const importer = { userId: 'system:import' } as const;
const META = ['createdAt', 'updatedAt', 'updatedBy'] as const;
const withoutMeta = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !(META as readonly string[]).includes(key)));

const sourceTable = process.env.TABLE_NAME as string;
afterAll(() => {
  process.env.TABLE_NAME = sourceTable;
});

describe('export → import round trip', () => {
  it('rebuilds the catalog, a store stock and customers exactly, and exports the same files again', async () => {
    const tag = uniqueSuffix();
    const store = await createStore(admin, storeInput());
    const lenses = await createProduct(admin, {
      name: `Oasys Café, "two-weekly" ${tag}`,
      description: 'Line one\nline two, with a comma',
      category: 'contact-lenses',
      brand: 'Acuvue',
      status: 'active',
      attributes: { baseCurve: 8.4, diameter: 14, replacementSchedule: 'two_weekly', packSize: 6 },
      variants: [
        {
          sku: `RT-${tag}-1`,
          options: { power: '-1.00' },
          price: 4500,
          cost: 2000,
          currency: 'AUD',
          barcode: '9300601234561',
        },
        {
          sku: `RT-${tag}-2`,
          status: 'archived',
          options: { power: '-1.25' },
          price: 4500,
          cost: 2000,
          currency: 'AUD',
        },
      ],
    });
    const drops = await createProduct(admin, {
      name: `Eye drops ${tag}`,
      description: '',
      category: 'eye-care',
      brand: 'Clearwell',
      status: 'draft',
      attributes: {},
      variants: [{ sku: `RT-${tag}-3`, options: {}, price: 1299, cost: 400, currency: 'NZD' }],
    });
    await receiveStock(store.storeId, `RT-${tag}-1`, lenses.productId, 12);
    await receiveStock(store.storeId, `RT-${tag}-3`, drops.productId, 5);
    const customers = [
      await createCustomer(
        admin,
        customerInput({
          tags: ['vip', 'lenses'],
          marketingOptIn: true,
          birthDate: '1988-03-14',
          preferences: { preferredStoreId: store.storeId, contactChannel: 'sms' },
          prescription: {
            right: { sphere: -2.25, cylinder: -0.5, axis: 90 },
            left: { sphere: -2 },
            issuedOn: '2025-01-10',
            expiresOn: '2027-01-10',
            prescriber: 'Dr O. Ptom',
          },
        }),
      ),
      await createCustomer(admin, customerInput({ phone: undefined })),
    ];

    const catalogFile = await exportCatalog();
    const stockFile = await exportStock(store.storeId);
    const customerFile = customersCsv(customers);

    // A fresh table, as after moving to a new system.
    process.env.TABLE_NAME = `it-${randomUUID()}`;
    const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT as string);
    await ensureTable(client, process.env.TABLE_NAME);
    client.destroy();
    await createStore(admin, storeInput({ code: store.code }), { storeId: store.storeId });

    const catalog = await runImport('products', catalogFile, { actor: importer, dryRun: false });
    expect(catalog.counts).toMatchObject({ rows: 3, imported: 3, rejected: 0 });
    const stock = await runImport('stock', stockFile, {
      actor: importer,
      dryRun: false,
      storeId: store.storeId,
    });
    expect(stock.counts).toMatchObject({ rows: 2, imported: 2, rejected: 0 });
    const people = await runImport('customers', customerFile, { actor: importer, dryRun: false });
    expect(people.counts).toMatchObject({ rows: 2, imported: 2, rejected: 0 });

    for (const product of [lenses, drops])
      expect(withoutMeta(await getProduct(product.productId))).toEqual(withoutMeta(product));
    for (const customer of customers)
      expect(withoutMeta(await getCustomer(customer.customerId))).toEqual(withoutMeta(customer));
    expect(await getInventoryLevel(admin, store.storeId, `RT-${tag}-1`)).toMatchObject({
      onHand: 12,
      available: 12,
    });

    expect(await exportCatalog()).toBe(catalogFile);
    expect(await exportStock(store.storeId)).toBe(stockFile);
    expect(customersCsv(await Promise.all(customers.map((c) => getCustomer(c.customerId))))).toBe(
      customerFile,
    );
  });
});
