import { describe, expect, it } from 'vitest';
import {
  createSupplier,
  getSupplier,
  listSuppliers,
  updateSupplier,
} from '../../lib/suppliers/supplier-service.js';
import { admin, managerOf, uniqueSuffix } from '../support/fixtures.js';

describe('suppliers', () => {
  it('creates at version 1 and reads back', async () => {
    const supplier = await createSupplier(admin, {
      name: 'Lens Wholesale',
      email: 'orders@lens.example',
      leadTimeDays: 5,
      currency: 'AUD',
    });
    expect(supplier).toMatchObject({
      version: 1,
      updatedBy: 'test-admin',
      supplierId: expect.stringMatching(/^sup_/),
    });
    expect(await getSupplier(supplier.supplierId)).toEqual(supplier);
    await expect(getSupplier('sup_missing')).rejects.toMatchObject({ status: 404 });
  });

  it('lists by name, case-insensitively, with a cursor', async () => {
    const suffix = uniqueSuffix();
    for (const name of [`b ${suffix}`, `A ${suffix}`, `c ${suffix}`]) {
      await createSupplier(admin, { name, currency: 'AUD' });
    }
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listSuppliers({ limit: 2, cursor });
      names.push(...page.items.map((s) => s.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const mine = names.filter((name) => name.endsWith(suffix));
    expect(mine).toEqual([`A ${suffix}`, `b ${suffix}`, `c ${suffix}`]);
  });

  it('updates with If-Match: one of two racing writers wins, the other gets 412', async () => {
    const supplier = await createSupplier(admin, { name: 'Frames Co', currency: 'AUD' });
    const manager = managerOf('st_any');
    const results = await Promise.allSettled([
      updateSupplier(manager, supplier.supplierId, { name: 'Frames Co Pty' }, 1),
      updateSupplier(manager, supplier.supplierId, { leadTimeDays: 9 }, 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 412 } });
    expect((await getSupplier(supplier.supplierId)).version).toBe(2);
    await expect(updateSupplier(manager, 'sup_missing', { name: 'x' }, 1)).rejects.toMatchObject({
      status: 404,
    });
  });
});
