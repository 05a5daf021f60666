import { stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, supplierKeys } from '../db/keys.js';
import { getItem, type Page, queryPage } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { createItem, replaceItemAtVersion } from '../db/versioned-write.js';
import { InternalError, ValidationError } from '../errors.js';
import type { Supplier } from './supplier-schemas.js';

const toItem = (supplier: Supplier) => ({
  ...supplierKeys.item(supplier.supplierId),
  ...supplierKeys.listing(supplier.name, supplier.supplierId),
  entityType: ENTITY.supplier,
  ...supplier,
});

const fromItem = (item: Record<string, unknown>): Supplier => stripStorageAttributes<Supplier>(item);

export const insertSupplier = async (supplier: Supplier): Promise<void> => {
  await transactWrite([
    createItem(
      toItem(supplier),
      () => new InternalError({ detail: `Supplier id ${supplier.supplierId} collided.` }),
    ),
  ]);
};

export const findSupplier = async (supplierId: string): Promise<Supplier | undefined> => {
  const item = await getItem(supplierKeys.item(supplierId));
  return item ? fromItem(item) : undefined;
};

/** Every supplier by name (gsi1). */
export const querySuppliers = async (limit: number, cursor: string | undefined): Promise<Page<Supplier>> => {
  const page = await queryPage({
    indexName: 'gsi1',
    partitionValue: supplierKeys.listingPartition,
    limit,
    cursor,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/** Writes `next` only if the supplier is still at `expectedVersion` (the listing key moves with the name). */
export const replaceSupplier = async (next: Supplier, expectedVersion: number): Promise<void> => {
  await transactWrite([replaceItemAtVersion(toItem(next), expectedVersion, `Supplier ${next.supplierId}`)]);
};

/**
 * 400 naming `path` unless the supplier exists, for a write that only needs the supplier to be
 * there (a reorder rule). Suppliers are never deleted, so existence cannot change between this
 * read and the write, and the write can stay a single UpdateItem that returns what it wrote
 * instead of a transaction (2×) with a ConditionCheck and a read back after it. An eventually
 * consistent read (half the units) that finds the supplier is proof; only a miss, which may be
 * a supplier created a moment ago, is confirmed by a strongly consistent read.
 */
export const assertSupplierExists = async (supplierId: string, path: string): Promise<void> => {
  const key = supplierKeys.item(supplierId);
  if ((await getItem(key, false)) ?? (await getItem(key))) return;
  throw new ValidationError([{ path, message: `Supplier ${supplierId} does not exist.` }]);
};
