import type { Principal } from '../auth/principal.js';
import { assertStoreAccess } from '../auth/store-scope.js';
import { retryOnContention } from '../db/contention.js';
import type { SystemActor } from '../db/item-meta.js';
import { productKeys } from '../db/keys.js';
import { getItem, type Page } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { NotFoundError } from '../errors.js';
import { assertSupplierExists } from '../suppliers/supplier-repository.js';
import { adjustmentDeltas, assertReasonAllowed, staffCorrectionFloor } from './adjustment-rules.js';
import {
  findLevelItem,
  levelFromItem,
  movementFromItem,
  queryMovements,
  queryProductLevels,
  queryReorderWatch,
  queryStoreLevels,
  removeReorderRule as removeReorderRuleItem,
  updateReorderRule,
  withRuleDefaults,
} from './inventory-repository.js';
import type {
  AdjustmentInput,
  AdjustmentResult,
  InventoryLevel,
  ListInventoryQuery,
  Movement,
  PageQuery,
  ReorderRuleInput,
} from './inventory-schemas.js';
import { multiStorePage } from './multi-store-page.js';
import { requireProductIdOfSku } from './sku-catalog.js';
import { stockChangeWrites } from './stock-change.js';

/** A store's levels by SKU, or (belowReorderPoint) from the reorder watch. */
export const listStoreInventory = async (
  principal: Principal,
  storeId: string,
  query: ListInventoryQuery,
): Promise<Page<InventoryLevel>> => {
  assertStoreAccess(principal, storeId);
  if (query.belowReorderPoint === undefined) return queryStoreLevels(storeId, query.limit, query.cursor);
  return queryReorderWatch(storeId, query.belowReorderPoint === 'true', query.limit, query.cursor);
};

/** 404 for a SKU outside the catalog; a catalog SKU never stocked here reads as zeros. */
export const getInventoryLevel = async (
  principal: Principal,
  storeId: string,
  sku: string,
): Promise<InventoryLevel> => {
  assertStoreAccess(principal, storeId);
  const [productId, item] = await Promise.all([requireProductIdOfSku(sku), findLevelItem(storeId, sku)]);
  return levelFromItem(item, { storeId, sku, productId });
};

/** A product's levels in the stores the caller may see: one Query, or one per store of a scoped caller. */
export const listProductInventory = async (
  principal: Principal,
  productId: string,
  query: PageQuery,
): Promise<Page<InventoryLevel>> => {
  if (!(await getItem(productKeys.item(productId)))) {
    throw new NotFoundError({ detail: `Product ${productId} was not found.` });
  }
  if (principal.storeIds === 'all') return queryProductLevels(productId, query.limit, query.cursor);
  return multiStorePage(principal.storeIds, query.limit, query.cursor, (storeId, limit, cursor) =>
    queryProductLevels(productId, limit, cursor, storeId),
  );
};

export const listMovements = async (
  principal: Principal,
  storeId: string,
  sku: string,
  query: PageQuery,
): Promise<Page<Movement>> => {
  assertStoreAccess(principal, storeId);
  await requireProductIdOfSku(sku);
  return queryMovements(storeId, sku, query.limit, query.cursor);
};

/**
 * A manual adjustment: the reason decides which quantity states move (adjustment-rules.ts);
 * staff may use only some reasons, and lower stock by correction only a little, with a note
 * (adjustment-rules.ts). One transaction: level + movement; a change that would take a state
 * below zero is 409 insufficient-stock, and nothing is written.
 */
export const adjustInventory = async (
  principal: Principal,
  storeId: string,
  sku: string,
  input: AdjustmentInput,
  now = new Date(),
): Promise<AdjustmentResult> => {
  assertStoreAccess(principal, storeId);
  assertReasonAllowed(principal.role, input.reason);
  const deltas = adjustmentDeltas(input.reason, input.delta);
  const onHandFloor = staffCorrectionFloor(principal.role, input);
  const productId = await requireProductIdOfSku(sku);
  const writes = stockChangeWrites(
    {
      storeId,
      sku,
      productId,
      deltas,
      reason: input.reason,
      ...(input.note ? { note: input.note } : {}),
      ...(onHandFloor ? { onHandFloor } : {}),
    },
    principal,
    now,
  );
  await transactWrite(writes);
  const movementItem = writes[1].write.Put?.Item as Record<string, unknown>;
  const level = levelFromItem(await findLevelItem(storeId, sku), { storeId, sku, productId });
  return { level, movement: movementFromItem(movementItem) };
};

/** Sets the reorder rule (admin, manager of the store); creates a zero level if none exists. */
export const setReorderRule = async (
  actor: Principal | SystemActor,
  storeId: string,
  sku: string,
  input: ReorderRuleInput,
  now = new Date(),
): Promise<InventoryLevel> => {
  if ('role' in actor) assertStoreAccess(actor, storeId);
  const rule = withRuleDefaults(input) as NonNullable<ReturnType<typeof withRuleDefaults>>;
  const productId = await requireProductIdOfSku(sku);
  if (rule.preferredSupplierId)
    await assertSupplierExists(rule.preferredSupplierId, 'body.preferredSupplierId');
  // A single-item write meeting a sale's transaction on the level retries like any other race.
  const item = await retryOnContention(() =>
    updateReorderRule({ storeId, sku, productId }, rule, actor, now),
  );
  return levelFromItem(item, { storeId, sku, productId });
};

/** Removes the reorder rule (admin, manager of the store): the SKU leaves the reorder watch list. */
export const removeReorderRule = async (
  actor: Principal | SystemActor,
  storeId: string,
  sku: string,
  now = new Date(),
): Promise<InventoryLevel> => {
  if ('role' in actor) assertStoreAccess(actor, storeId);
  const productId = await requireProductIdOfSku(sku);
  const item = await retryOnContention(() => removeReorderRuleItem({ storeId, sku }, actor, now));
  return levelFromItem(item, { storeId, sku, productId });
};
