import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { newItemMeta, type SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { assertVersion } from '../db/versioned-write.js';
import { NotFoundError } from '../errors.js';
import { findSupplier, insertSupplier, querySuppliers, replaceSupplier } from './supplier-repository.js';
import type {
  CreateSupplierInput,
  ListSuppliersQuery,
  Supplier,
  UpdateSupplierInput,
} from './supplier-schemas.js';

/** Suppliers serve the whole group, so they are not scoped to stores. */
export const newSupplierId = (): string => `sup_${ulid().toLowerCase()}`;

export const createSupplier = async (
  actor: Principal | SystemActor,
  input: CreateSupplierInput,
  options: { supplierId?: string; now?: Date } = {},
): Promise<Supplier> => {
  const supplier: Supplier = {
    supplierId: options.supplierId ?? newSupplierId(),
    ...input,
    ...newItemMeta(actor, options.now ?? new Date()),
  };
  await insertSupplier(supplier);
  return supplier;
};

export const getSupplier = async (supplierId: string): Promise<Supplier> => {
  const supplier = await findSupplier(supplierId);
  if (!supplier) throw new NotFoundError({ detail: `Supplier ${supplierId} was not found.` });
  return supplier;
};

export const listSuppliers = (query: ListSuppliersQuery): Promise<Page<Supplier>> =>
  querySuppliers(query.limit, query.cursor);

export const updateSupplier = async (
  principal: Principal,
  supplierId: string,
  changes: UpdateSupplierInput,
  expectedVersion: number,
  now = new Date(),
): Promise<Supplier> => {
  const current = await getSupplier(supplierId);
  assertVersion(`Supplier ${supplierId}`, current, expectedVersion);
  const next: Supplier = {
    ...current,
    ...changes,
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: principal.userId,
  };
  await replaceSupplier(next, current.version);
  return next;
};
