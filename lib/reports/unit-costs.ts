import { productKeys } from '../db/keys.js';
import { batchGetItems } from '../db/query-page.js';

interface StoredVariant {
  sku?: unknown;
  cost?: unknown;
  currency?: unknown;
}

export interface VariantCost {
  productId: string;
  cost: number;
  currency: string;
}

/**
 * Each SKU's unit cost and currency, from the products (cost is never on the bus: only admin,
 * manager and finance may see it). One BatchGet per 100 products; a SKU whose product or
 * variant is gone costs 0.
 */
export const variantCosts = async (productIds: readonly string[]): Promise<Map<string, VariantCost>> => {
  const costs = new Map<string, VariantCost>();
  const unique = [...new Set(productIds)];
  if (unique.length === 0) return costs;
  for (const product of await batchGetItems(unique.map(productKeys.item))) {
    const variants = Array.isArray(product.variants) ? (product.variants as StoredVariant[]) : [];
    for (const variant of variants)
      if (typeof variant.sku === 'string')
        costs.set(variant.sku, {
          productId: String(product.productId),
          cost: Number(variant.cost ?? 0),
          currency: String(variant.currency ?? ''),
        });
  }
  return costs;
};
