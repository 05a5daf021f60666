import type { Principal } from '../auth/principal.js';
import { newItemMeta, type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, productKeys, type UniqueKind } from '../db/keys.js';
import { getItem, type Page, queryPage } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { claimUnique, releaseUnique } from '../db/unique-guards.js';
import { createItem, replaceItemAtVersion } from '../db/versioned-write.js';
import { ConflictError, InternalError } from '../errors.js';
import type { CreateProductInput, ListProductsQuery, Product, Variant } from './product-schemas.js';

const toItem = (product: Product) => ({
  ...productKeys.item(product.productId),
  ...productKeys.listings(product),
  entityType: ENTITY.product,
  ...product,
});

const fromItem = (item: Record<string, unknown>): Product => stripStorageAttributes<Product>(item);

type UniqueField = 'sku' | 'barcode';
const UNIQUE_FIELDS: [UniqueField, UniqueKind][] = [
  ['sku', 'SKU'],
  ['barcode', 'BARCODE'],
];

const valuesOf = (variants: Variant[], field: UniqueField): Map<string, number> => {
  const values = new Map<string, number>();
  variants.forEach((variant, index) => {
    const value = variant[field];
    if (value !== undefined) values.set(value, index);
  });
  return values;
};

/** Guard writes that move SKUs and barcodes from `before` to `after` (only what changed). */
const uniqueGuardWrites = (productId: string, before: Variant[], after: Variant[]): GuardedWrite[] =>
  UNIQUE_FIELDS.flatMap(([field, kind]) => {
    const old = valuesOf(before, field);
    const next = valuesOf(after, field);
    const claims = [...next]
      .filter(([value]) => !old.has(value))
      .map(([value, index]) =>
        claimUnique(
          kind,
          value,
          productId,
          () =>
            new ConflictError({
              detail: `${field === 'sku' ? 'SKU' : 'Barcode'} ${value} already belongs to another product.`,
              errors: [{ path: `body.variants[${index}].${field}`, message: 'Already in use.' }],
            }),
        ),
      );
    const releases = [...old.keys()]
      .filter((value) => !next.has(value))
      .map((value) => releaseUnique(kind, value, productId));
    return [...claims, ...releases];
  });

export const insertProduct = async (
  productId: string,
  input: CreateProductInput,
  actor: Principal | SystemActor,
  now: Date,
): Promise<Product> => {
  const product: Product = { productId, ...input, ...newItemMeta(actor, now) };
  await transactWrite([
    createItem(toItem(product), () => new InternalError({ detail: `Product id ${productId} collided.` })),
    ...uniqueGuardWrites(productId, [], product.variants),
  ]);
  return product;
};

export const findProduct = async (productId: string): Promise<Product | undefined> => {
  const item = await getItem(productKeys.item(productId));
  return item ? fromItem(item) : undefined;
};

export const replaceProduct = async (current: Product, next: Product): Promise<void> => {
  await transactWrite([
    replaceItemAtVersion(toItem(next), current.version, `Product ${current.productId}`),
    ...uniqueGuardWrites(current.productId, current.variants, next.variants),
  ]);
};

/** Category listings use gsi2, all others gsi1; a status filter is a sort-key prefix on either. */
export const queryProducts = async (query: ListProductsQuery): Promise<Page<Product>> => {
  const page = await queryPage({
    indexName: query.category ? 'gsi2' : 'gsi1',
    partitionValue: query.category ? productKeys.categoryPartition(query.category) : productKeys.allPartition,
    ...(query.status ? { sortKeyPrefix: productKeys.statusPrefix(query.status) } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};
