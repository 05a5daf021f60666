import type { Principal } from '../auth/principal.js';
import { newItemMeta, type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, productKeys, type UniqueKind } from '../db/keys.js';
import { getItem, type Page, queryPage } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { claimUnique, findUniqueOwner, releaseUnique } from '../db/unique-guards.js';
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

/**
 * Guard writes that move SKUs and barcodes from `before` to `after` (only what changed). A SKU
 * guard is claimed once and never released: levels, movements and orders keep naming the SKU,
 * so no other product may take it up and sell the old stock. A barcode moves freely (a label
 * misprint can be corrected), its guard released when no variant carries it any more.
 */
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
    const releases =
      kind === 'SKU'
        ? []
        : [...old.keys()]
            .filter((value) => !next.has(value))
            .map((value) => releaseUnique(kind, value, productId));
    return [...claims, ...releases];
  });

/** The writes that create a product: the item and a guard per SKU and barcode (all conditional). */
export const newProductWrites = (
  productId: string,
  input: CreateProductInput,
  actor: Principal | SystemActor,
  now: Date,
): { product: Product; writes: GuardedWrite[] } => {
  const product: Product = { productId, ...input, ...newItemMeta(actor, now) };
  return {
    product,
    writes: [
      createItem(toItem(product), () => new InternalError({ detail: `Product id ${productId} collided.` })),
      ...uniqueGuardWrites(productId, [], product.variants),
    ],
  };
};

export const insertProduct = async (
  productId: string,
  input: CreateProductInput,
  actor: Principal | SystemActor,
  now: Date,
): Promise<Product> => {
  const { product, writes } = newProductWrites(productId, input, actor, now);
  await transactWrite(writes);
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
export const queryProducts = async (
  query: Pick<ListProductsQuery, 'category' | 'status' | 'limit' | 'cursor'>,
): Promise<Page<Product>> => {
  const page = await queryPage({
    indexName: query.category ? 'gsi2' : 'gsi1',
    partitionValue: query.category ? productKeys.categoryPartition(query.category) : productKeys.allPartition,
    ...(query.status ? { sortKeyPrefix: productKeys.statusPrefix(query.status) } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/** The gsi6 prefix for a typed name (empty when nothing searchable is left). */
export const namePrefixOf = (typed: string): string => productKeys.namePrefix(typed);

/** Name-prefix search: one Query on gsi6 with begins_with on the searchable name, by name. */
export const queryProductsByName = async (
  prefix: string,
  page: Pick<ListProductsQuery, 'limit' | 'cursor'>,
): Promise<Page<Product>> => {
  const result = await queryPage({
    indexName: 'gsi6',
    partitionValue: productKeys.namePartition,
    sortKeyPrefix: prefix,
    limit: page.limit,
    cursor: page.cursor,
  });
  return { items: result.items.map(fromItem), nextCursor: result.nextCursor };
};

/**
 * The product owning a SKU or barcode, through its unique guard: one GetItem (one BatchGet
 * for a barcode's spellings), then GetItem of the product. `matched` is the guard's value.
 */
export const findProductByUnique = async (
  kind: 'SKU' | 'BARCODE',
  values: readonly string[],
): Promise<{ product: Product; matched: string } | undefined> => {
  const owner = await findUniqueOwner(kind, values);
  if (!owner) return undefined;
  const product = await findProduct(owner.ownerId);
  return product ? { product, matched: owner.value } : undefined;
};
