import { describe, expect, it } from 'vitest';
import { findCustomers, getCustomer } from '../../lib/customers/customer-service.js';
import { runImport } from '../../lib/imports/run-import.js';
import { adjustInventory, getInventoryLevel, listMovements } from '../../lib/inventory/inventory-service.js';
import { admin, managerOf, uniqueSuffix } from '../support/fixtures.js';
import { newProduct, newStore } from '../support/stock-fixtures.js';

const importer = { userId: 'system:import' } as const;

describe('customer import against DynamoDB Local', () => {
  it('normalises, refuses duplicates in the file and against the table, and re-runs import nothing', async () => {
    const id = uniqueSuffix().toLowerCase();
    const file = [
      'firstName,lastName,email,phone,tags,marketingOptIn,prescription',
      `  Mia ,Chen, Mia.${id}@Example.COM ,0412 ${id.slice(0, 3).replace(/\D/g, '1').padEnd(3, '1')} 678,VIP;Lenses,yes,`,
      `Mia,Chen-Twin,mia.${id}@example.com,,,,`, // same email as line 2
      `Leo,Park,,+61 2 9${id.replace(/\D/g, '').padEnd(7, '3').slice(0, 3)} 4567,,maybe,`, // bad boolean
      `Ana,Silva,ana.${id}@example,,,,`, // bad email
      `Ben,Ng,ben.${id}@example.com,,,,"{""right"":{""sphere"":-2.1},""left"":{""sphere"":-2},""issuedOn"":""2025-01-01"",""expiresOn"":""2027-01-01""}"`,
      `Zoe,Li,zoe.${id}@example.com,,,,`,
    ].join('\n');
    const result = await runImport('customers', file, { actor: importer, dryRun: false });
    expect(result.outcomes.map((o) => [o.line, o.status, o.issues[0]?.column ?? ''])).toEqual([
      [2, 'imported', ''],
      [3, 'rejected', 'email'],
      [4, 'rejected', 'marketingOptIn'],
      [5, 'rejected', 'email'],
      [6, 'rejected', 'prescription'],
      [7, 'imported', ''],
    ]);
    expect(result.outcomes[4]?.issues[0]?.reason).toMatch(/^prescription\.right\.sphere: /);
    const mia = await getCustomer(result.outcomes[0]?.id ?? '');
    expect(mia).toMatchObject({
      firstName: 'Mia',
      email: `mia.${id}@example.com`,
      phone: expect.stringMatching(/^\+614\d{8}$/),
      tags: ['vip', 'lenses'],
      marketingOptIn: true,
    });
    expect((await findCustomers({ phone: mia.phone as string })).items[0]?.customerId).toBe(mia.customerId);

    const again = await runImport('customers', file, { actor: importer, dryRun: false });
    expect(again.counts).toMatchObject({ imported: 0, skipped: 2, rejected: 4 });

    // Another file naming Mia's email for someone else is refused against the table.
    const clash = `firstName,lastName,email\nMia,Other,MIA.${id}@example.com\n`;
    const refused = await runImport('customers', clash, { actor: importer, dryRun: false });
    expect(refused.outcomes[0]).toMatchObject({
      status: 'rejected',
      issues: [
        { column: 'email', reason: expect.stringContaining(`${mia.customerId} already has this email`) },
      ],
    });
  });
});

describe('opening stock import against DynamoDB Local', () => {
  it('books each SKU once as a movement, refuses unknown SKUs, duplicates and stocked levels', async () => {
    const storeId = await newStore();
    const { skus, productId } = await newProduct(4);
    const [a, b, c, d] = skus as [string, string, string, string];
    await adjustInventory(admin, storeId, d, { reason: 'received', delta: 3 });
    const file = [
      'SKU,onHand', // header names match case-insensitively
      `${a.toLowerCase()},10`,
      `${b},2.5`,
      `${a},4`,
      'NOT-IN-CATALOG,1',
      `${c},0`,
      `${d},7`,
    ].join('\n');
    const result = await runImport('stock', file, { actor: importer, dryRun: false, storeId });
    expect(result.outcomes.map((o) => [o.line, o.status, o.issues[0]?.column ?? ''])).toEqual([
      [2, 'imported', ''],
      [3, 'rejected', 'onHand'],
      [4, 'rejected', 'sku'],
      [5, 'rejected', 'sku'],
      [6, 'skipped', ''],
      [7, 'rejected', 'onHand'],
    ]);
    expect(await getInventoryLevel(admin, storeId, a)).toMatchObject({
      onHand: 10,
      available: 10,
      productId,
    });
    const moves = await listMovements(admin, storeId, a, { limit: 10 });
    expect(moves.items).toEqual([expect.objectContaining({ onHandDelta: 10, reason: 'cycle_count' })]);

    const again = await runImport('stock', file, { actor: importer, dryRun: false, storeId });
    expect(again.outcomes[0]).toMatchObject({ status: 'skipped' });
    expect(await getInventoryLevel(admin, storeId, a)).toMatchObject({ onHand: 10 });
  });

  it('refuses a store the importer may not see, or that does not exist, before reading a line', async () => {
    const storeId = await newStore();
    const other = await newStore();
    const file = 'sku,onHand\nX,1\n';
    await expect(
      runImport('stock', file, { actor: managerOf(other), dryRun: false, storeId }),
    ).rejects.toThrow(/not one of yours/);
    await expect(
      runImport('stock', file, { actor: importer, dryRun: false, storeId: 'st_nope' }),
    ).rejects.toThrow(/does not exist/);
  });
});
