/**
 * Every key of the single table is built here and nowhere else (see docs/data-model.md).
 * Entity keys are `<ENTITY>#<id>`; guard items enforce uniqueness of natural keys
 * (store code, SKU, barcode) inside the same transaction as the entity write.
 */
export interface TableKey {
  pk: string;
  sk: string;
}

export const ENTITY = {
  store: 'Store',
  product: 'Product',
  uniqueGuard: 'UniqueGuard',
  inventoryLevel: 'InventoryLevel',
  inventoryMovement: 'InventoryMovement',
} as const;

export type EntityType = (typeof ENTITY)[keyof typeof ENTITY];

/** Sort-key value of listings: lower-cased so that ordering is by name, not by case. */
const sortable = (value: string): string => value.toLowerCase();

export const storeKeys = {
  item: (storeId: string): TableKey => ({ pk: `STORE#${storeId}`, sk: 'STORE' }),
  /** gsi1: all stores ordered by code. */
  listing: (code: string, storeId: string) => ({ gsi1pk: 'STORES', gsi1sk: `${code}#${storeId}` }),
  listingPartition: 'STORES',
};

export const productKeys = {
  item: (productId: string): TableKey => ({ pk: `PRODUCT#${productId}`, sk: 'PRODUCT' }),
  /** gsi1: all products by status then name; gsi2: one category's products by status then name. */
  listings: (product: { productId: string; status: string; name: string; category: string }) => {
    const sortKey = `${product.status}#${sortable(product.name)}#${product.productId}`;
    return {
      gsi1pk: productKeys.allPartition,
      gsi1sk: sortKey,
      gsi2pk: productKeys.categoryPartition(product.category),
      gsi2sk: sortKey,
    };
  },
  allPartition: 'PRODUCTS',
  categoryPartition: (category: string) => `CATEGORY#${sortable(category)}`,
  statusPrefix: (status: string) => `${status}#`,
};

export type UniqueKind = 'STORE_CODE' | 'SKU' | 'BARCODE';

export const guardKeys = {
  item: (kind: UniqueKind, value: string): TableKey => ({ pk: `UNIQUE#${kind}#${value}`, sk: 'UNIQUE' }),
};

/**
 * Inventory: one level item per store and SKU in the store's partition, and an immutable
 * movement ledger per store and SKU (sort key = time + ULID, so newest-first is a Query).
 */
export const inventoryKeys = {
  level: (storeId: string, sku: string): TableKey => ({ pk: `STORE#${storeId}`, sk: `INV#${sku}` }),
  storePartition: (storeId: string) => `STORE#${storeId}`,
  levelPrefix: 'INV#',
  /** gsi2: one product's levels across stores, by store then SKU. */
  byProduct: (productId: string, storeId: string, sku: string) => ({
    gsi2pk: inventoryKeys.productPartition(productId),
    gsi2sk: `${storeId}#${sku}`,
  }),
  productPartition: (productId: string) => `INVENTORY#${productId}`,
  movement: (storeId: string, sku: string, at: string, movementId: string): TableKey => ({
    pk: inventoryKeys.movementPartition(storeId, sku),
    sk: `${at}#${movementId}`,
  }),
  movementPartition: (storeId: string, sku: string) => `MOVES#${storeId}#${sku}`,
};
