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
