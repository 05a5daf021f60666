import type { Product } from '../catalog/product-schemas.js';
import { ENTITY, guardKeys, productKeys, type TableKey } from '../db/keys.js';
import { batchGetItems } from '../db/query-page.js';
import { type FieldIssue, ValidationError } from '../errors.js';

export interface ResolvedLine {
  sku: string;
  quantity: number;
  productId: string;
  name: string;
  options: Record<string, string>;
  category: string;
  unitPrice: number;
  currency: string;
}

/**
 * What a warm container learned of each SKU: the product that sells it. Only ever a guess of
 * which item to read: the product item itself is read on every order, and a product that no
 * longer lists the SKU sends the line back to its SKU guard (the source of truth), so a stale
 * entry costs a read, never a wrong line. Bounded, so a long-lived container cannot grow it.
 */
const knownSkus = new Map<string, string>();
const KNOWN_SKUS_LIMIT = 5000;

const remember = (sku: string, productId: string) => {
  if (knownSkus.size >= KNOWN_SKUS_LIMIT) knownSkus.clear();
  knownSkus.set(sku, productId);
};

/** Whether this container remembers which product sells `sku` (tests). */
export const remembersSku = (sku: string): boolean => knownSkus.has(sku);

/** Forgets every remembered SKU (tests). */
export const forgetKnownSkus = (): void => knownSkus.clear();

/**
 * The keys an order's catalog lookup reads in the caller's first BatchGet: the remembered
 * product of each SKU, or its SKU guard when the container has not seen the SKU yet.
 */
export const catalogKeys = (lines: readonly { sku: string }[]): TableKey[] => {
  const keys = new Map<string, TableKey>();
  for (const { sku } of lines) {
    const known = knownSkus.get(sku);
    const key = known ? productKeys.item(known) : guardKeys.item('SKU', sku);
    keys.set(key.pk, key);
  }
  return [...keys.values()];
};

const isProduct = (item: Record<string, unknown>) => item.entityType === ENTITY.product;
const isSkuGuard = (item: Record<string, unknown>) => item.kind === 'SKU';
const lists = (product: Product | undefined, sku: string) =>
  product?.variants.some((variant) => variant.sku === sku) === true;

/**
 * The product of every line: from the items the caller's BatchGet returned (catalogKeys), and
 * for the rest — a SKU seen for the first time, or a remembered product that no longer lists
 * it — through the SKU guard and then the product, one BatchGet each. Unknown SKUs stay absent.
 */
const productsOf = async (
  lines: readonly { sku: string }[],
  items: readonly Record<string, unknown>[],
): Promise<Map<string, Product>> => {
  const products = new Map<string, Product>();
  for (const item of items.filter(isProduct))
    products.set(String(item.productId), item as unknown as Product);
  const guards = new Map(
    items.filter(isSkuGuard).map((guard) => [String(guard.value), String(guard.ownerId)]),
  );
  const bySku = new Map<string, Product>();
  const unresolved: string[] = [];
  for (const { sku } of lines) {
    const product = products.get(knownSkus.get(sku) ?? guards.get(sku) ?? '');
    if (lists(product, sku)) bySku.set(sku, product as Product);
    else unresolved.push(sku);
  }
  if (unresolved.length === 0) return bySku;
  // A stale guess: ask the SKU guards (those not read yet), then their products.
  const unguarded = unresolved.filter((sku) => !guards.has(sku));
  for (const guard of await batchGetItems(unguarded.map((sku) => guardKeys.item('SKU', sku))))
    guards.set(String(guard.value), String(guard.ownerId));
  const missing = [
    ...new Set(unresolved.map((sku) => guards.get(sku)).filter((id): id is string => id !== undefined)),
  ].filter((id) => !products.has(id));
  for (const item of await batchGetItems(missing.map(productKeys.item)))
    products.set(String(item.productId), item as unknown as Product);
  for (const sku of unresolved) {
    const product = products.get(guards.get(sku) ?? '');
    if (lists(product, sku)) bySku.set(sku, product as Product);
  }
  return bySku;
};

/**
 * Turns requested SKUs into sellable lines with catalog prices. `items` are what the caller
 * read with `catalogKeys` (batched with its other reads). Every problem is reported at once,
 * naming the line: unknown SKU, product not active, another currency.
 */
export const resolveLines = async (
  lines: readonly { sku: string; quantity: number }[],
  items: readonly Record<string, unknown>[],
  path = 'body.lines',
): Promise<ResolvedLine[]> => {
  const productBySku = await productsOf(lines, items);
  const issues: FieldIssue[] = [];
  const resolved: ResolvedLine[] = [];
  let currency: string | undefined;
  lines.forEach((line, index) => {
    const at = `${path}[${index}].sku`;
    const product = productBySku.get(line.sku);
    const variant = product?.variants.find((candidate) => candidate.sku === line.sku);
    if (!product || !variant) {
      knownSkus.delete(line.sku);
      issues.push({ path: at, message: `Unknown SKU ${line.sku}.` });
      return;
    }
    remember(line.sku, product.productId);
    if (product.status !== 'active') {
      issues.push({ path: at, message: `${line.sku} is not on sale (product is ${product.status}).` });
      return;
    }
    if (variant.status === 'archived') {
      issues.push({ path: at, message: `${line.sku} is not on sale (variant is archived).` });
      return;
    }
    currency ??= variant.currency;
    if (variant.currency !== currency) {
      issues.push({
        path: at,
        message: `${line.sku} is priced in ${variant.currency}; this order is in ${currency}.`,
      });
      return;
    }
    resolved.push({
      sku: line.sku,
      quantity: line.quantity,
      productId: product.productId,
      name: product.name,
      options: variant.options,
      category: product.category,
      unitPrice: variant.price,
      currency: variant.currency,
    });
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return resolved;
};
