import { ENTITY } from '../db/keys.js';
import type { JsonObject } from '../lake/change-export-json.js';
import { LAKE_ENTITY_TYPES, type LakeEntityType } from '../lake/lake-entities.js';

/** Every entity the lake keeps is audited (users included); audit entries themselves are not. */
export const AUDITED_ENTITY_TYPES = LAKE_ENTITY_TYPES;
export type AuditedEntityType = LakeEntityType;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

type IdOf = (item: JsonObject) => string | undefined;
const attribute =
  (name: string): IdOf =>
  (item) =>
    text(item[name]);

/**
 * The id an entity is audited under (the `entityId` of `GET /audit`): the entity's own id as the
 * API shows it, and for a stock level, which has none, `<storeId>:<sku>` (neither holds a colon).
 * Documented in docs/data-model.md; the table below is the one place that decides it.
 */
const ENTITY_IDS: Record<AuditedEntityType, IdOf> = {
  [ENTITY.store]: attribute('storeId'),
  [ENTITY.product]: attribute('productId'),
  [ENTITY.inventoryLevel]: (item) => {
    const storeId = text(item.storeId);
    const sku = text(item.sku);
    return storeId && sku ? levelEntityId(storeId, sku) : undefined;
  },
  [ENTITY.inventoryMovement]: attribute('movementId'),
  [ENTITY.stocktake]: attribute('stocktakeId'),
  [ENTITY.transfer]: attribute('transferId'),
  [ENTITY.customer]: attribute('customerId'),
  [ENTITY.feedback]: attribute('feedbackId'),
  [ENTITY.pointsEntry]: attribute('entryId'),
  [ENTITY.promotion]: attribute('promotionId'),
  [ENTITY.order]: attribute('orderId'),
  [ENTITY.payment]: attribute('paymentId'),
  [ENTITY.refund]: attribute('refundId'),
  [ENTITY.supplier]: attribute('supplierId'),
  [ENTITY.supplierPrice]: (item) => {
    const supplierId = text(item.supplierId);
    const sku = text(item.sku);
    return supplierId && sku ? `${supplierId}:${sku}` : undefined;
  },
  [ENTITY.purchaseOrder]: attribute('purchaseOrderId'),
  [ENTITY.taxRate]: attribute('taxRateId'),
  [ENTITY.replenishment]: attribute('replenishmentId'),
  [ENTITY.user]: attribute('username'),
};

/** A stock level's audit id. */
export const levelEntityId = (storeId: string, sku: string): string => `${storeId}:${sku}`;

/**
 * The entity's id from its image; an item without its id attribute (never written by the
 * services) falls back to its table key, so its changes are still recorded under one id.
 */
export const entityIdOf = (entityType: AuditedEntityType, item: JsonObject): string =>
  ENTITY_IDS[entityType](item) ?? `${text(item.pk) ?? ''}|${text(item.sk) ?? ''}`;

const STORE_ATTRIBUTES = ['storeId', 'fromStoreId', 'toStoreId'] as const;
const STORE_LIST_ATTRIBUTES = ['stores', 'storeIds'] as const;

/**
 * The stores an image belongs to: its `storeId` (levels, movements, orders, payments, purchase
 * orders, …), both sides of a transfer, a user's stores. None for the group's shared entities
 * (products, suppliers, promotions, tax rates, customers).
 */
export const storeIdsOfImage = (item: JsonObject | null): string[] => {
  if (!item) return [];
  const single = STORE_ATTRIBUTES.map((name) => text(item[name])).filter((id) => id !== undefined);
  const listed = STORE_LIST_ATTRIBUTES.flatMap((name) => {
    const value = item[name];
    return Array.isArray(value) ? value.map(text).filter((id) => id !== undefined) : [];
  });
  return [...single, ...listed];
};

/**
 * The stores a change concerns: those of the image before and after, so moving a user from one
 * store to another shows in both stores' history.
 */
export const storeIdsOfChange = (oldImage: JsonObject | null, newImage: JsonObject | null): string[] =>
  [...new Set([...storeIdsOfImage(oldImage), ...storeIdsOfImage(newImage)])].sort();
