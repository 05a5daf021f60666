import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import type { SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { assertVersion } from '../db/versioned-write.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { assertCategoryAttributes } from './category-attributes.js';
import { equivalentGtins } from './gtin.js';
import {
  findProduct,
  findProductByUnique,
  insertProduct,
  namePrefixOf,
  queryProducts,
  queryProductsByName,
  replaceProduct,
} from './product-repository.js';
import type {
  CreateProductInput,
  ListProductsQuery,
  Product,
  UpdateProductInput,
} from './product-schemas.js';

export const newProductId = (): string => `pr_${ulid().toLowerCase()}`;

/** The central catalog is shared by every store: any authenticated role may read it. */
export const createProduct = (
  actor: Principal | SystemActor,
  input: CreateProductInput,
  options: { productId?: string; now?: Date } = {},
): Promise<Product> => {
  assertCategoryAttributes(input.category, input.attributes);
  return insertProduct(options.productId ?? newProductId(), input, actor, options.now ?? new Date());
};

export const getProduct = async (productId: string): Promise<Product> => {
  const product = await findProduct(productId);
  if (!product) throw new NotFoundError({ detail: `Product ${productId} was not found.` });
  return product;
};

/** A product found by a lookup, with the variant that matched a `barcode` or `sku`. */
export type ProductMatch = Product & { matchedSku?: string };

const lookupPage = async (
  kind: 'SKU' | 'BARCODE',
  values: readonly string[],
): Promise<Page<ProductMatch>> => {
  const found = await findProductByUnique(kind, values);
  const variant = found?.product.variants.find((candidate) =>
    kind === 'SKU' ? candidate.sku === found.matched : candidate.barcode === found.matched,
  );
  return {
    items: found && variant ? [{ ...found.product, matchedSku: variant.sku }] : [],
    nextCursor: null,
  };
};

/**
 * The listing (category, status), or a till's lookup: `barcode` (any common spelling of the
 * GTIN) and `sku` through the unique guards, `q` by name prefix on gsi6. The query schema
 * has already refused contradictory combinations.
 */
export const listProducts = async (query: ListProductsQuery): Promise<Page<ProductMatch>> => {
  if (query.barcode !== undefined) return lookupPage('BARCODE', equivalentGtins(query.barcode));
  if (query.sku !== undefined) return lookupPage('SKU', [query.sku]);
  if (query.q !== undefined) {
    const prefix = namePrefixOf(query.q);
    if (prefix === '')
      throw new ValidationError([{ path: 'query.q', message: 'Give at least one letter or digit.' }]);
    return queryProductsByName(prefix, query);
  }
  return queryProducts(query);
};

/**
 * A variant never disappears: levels, movements and open orders name its SKU, and the SKU
 * stays the product's for good. A `variants` list must keep every SKU; archive one instead.
 */
const assertNoVariantDropped = (current: Product, next: Product): void => {
  const kept = new Set(next.variants.map((variant) => variant.sku));
  const dropped = current.variants.filter((variant) => !kept.has(variant.sku)).map((variant) => variant.sku);
  if (dropped.length === 0) return;
  throw new ConflictError({
    detail: `Variants ${dropped.join(', ')} cannot be removed: send them with "status": "archived" to stop selling them.`,
    errors: [{ path: 'body.variants', message: `Missing ${dropped.join(', ')}; archive a variant instead.` }],
  });
};

export const updateProduct = async (
  principal: Principal,
  productId: string,
  changes: UpdateProductInput,
  expectedVersion: number,
  now = new Date(),
): Promise<Product> => {
  const current = await getProduct(productId);
  assertVersion(`Product ${productId}`, current, expectedVersion);
  const next: Product = {
    ...current,
    ...changes,
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: principal.userId,
  };
  assertNoVariantDropped(current, next);
  assertCategoryAttributes(next.category, next.attributes);
  // Conditional on the version read, so the variants compared are exactly those replaced.
  await replaceProduct(current, next);
  return next;
};
