import { guardKeys } from '../db/keys.js';
import { batchGetItems } from '../db/query-page.js';
import { type FieldIssue, ValidationError } from '../errors.js';
import { findStores } from '../stores/store-repository.js';
import type { PromotionScope } from './promotion-schemas.js';

/**
 * The stores and SKUs a promotion names must exist: 400 naming every unknown one. Checked with
 * one BatchGet each before the write, not as ConditionChecks in its transaction, because
 * (1) a promotion may name 50 stores and 200 SKUs, far more than a 100-item transaction takes,
 * and (2) neither can vanish between this read and the write: stores are closed, never
 * deleted, and a SKU's guard is kept for good once the SKU was used (a SKU is never released
 * or reused), so the read cannot go stale.
 */
export const assertPromotionReferences = async (references: {
  storeIds?: readonly string[] | null | undefined;
  scope?: PromotionScope | undefined;
}): Promise<void> => {
  const storeIds = references.storeIds ?? [];
  const skus = references.scope?.appliesTo === 'skus' ? (references.scope.skus ?? []) : [];
  const [stores, guards] = await Promise.all([
    storeIds.length > 0 ? findStores(storeIds) : [],
    skus.length > 0 ? batchGetItems(skus.map((sku) => guardKeys.item('SKU', sku))) : [],
  ]);
  const knownStores = new Set(stores.map((store) => store.storeId));
  const knownSkus = new Set(guards.map((guard) => String(guard.value)));
  const issues: FieldIssue[] = [
    ...storeIds.flatMap((storeId, index) =>
      knownStores.has(storeId)
        ? []
        : [{ path: `body.storeIds[${index}]`, message: `Unknown store ${storeId}.` }],
    ),
    ...skus.flatMap((sku, index) =>
      knownSkus.has(sku)
        ? []
        : [{ path: `body.scope.skus[${index}]`, message: `${sku} is not in the catalog.` }],
    ),
  ];
  if (issues.length > 0)
    throw new ValidationError(issues, 'The promotion names stores or SKUs that do not exist.');
};
