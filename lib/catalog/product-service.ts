import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import type { SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { assertVersion } from '../db/versioned-write.js';
import { NotFoundError } from '../errors.js';
import { assertCategoryAttributes } from './category-attributes.js';
import { findProduct, insertProduct, queryProducts, replaceProduct } from './product-repository.js';
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

export const listProducts = (query: ListProductsQuery): Promise<Page<Product>> => queryProducts(query);

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
  assertCategoryAttributes(next.category, next.attributes);
  await replaceProduct(current, next);
  return next;
};
