import type { Product } from '../catalog/product-schemas.js';
import { guardKeys, productKeys } from '../db/keys.js';
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

/** The SKU guard items name each SKU's product; the caller fetches them (batched with other reads). */
export const skuGuardKeys = (lines: readonly { sku: string }[]) =>
  lines.map((line) => guardKeys.item('SKU', line.sku));

/**
 * Turns requested SKUs into sellable lines with catalog prices: the SKU guard items (read by
 * the caller) name the products, which come in one BatchGet. Every problem is reported at
 * once, naming the line: unknown SKU, product not active, another currency.
 */
export const resolveLines = async (
  lines: readonly { sku: string; quantity: number }[],
  guards: readonly Record<string, unknown>[],
  path = 'body.lines',
): Promise<ResolvedLine[]> => {
  const productIdBySku = new Map(guards.map((guard) => [String(guard.value), String(guard.ownerId)]));
  const productIds = [...new Set(productIdBySku.values())];
  const products = (await batchGetItems(productIds.map(productKeys.item))) as unknown as Product[];
  const productById = new Map(products.map((product) => [product.productId, product]));

  const issues: FieldIssue[] = [];
  const resolved: ResolvedLine[] = [];
  let currency: string | undefined;
  lines.forEach((line, index) => {
    const at = `${path}[${index}].sku`;
    const product = productById.get(productIdBySku.get(line.sku) ?? '');
    const variant = product?.variants.find((candidate) => candidate.sku === line.sku);
    if (!product || !variant) {
      issues.push({ path: at, message: `Unknown SKU ${line.sku}.` });
      return;
    }
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
