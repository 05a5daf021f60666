import { createHash } from 'node:crypto';
import { findProduct } from '../catalog/product-repository.js';
import { ContentionError, retryOnContention } from '../db/contention.js';
import { type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { purchaseOrderKeys, supplierPriceKeys } from '../db/keys.js';
import { getItem, queryPage } from '../db/query-page.js';
import { InvalidStateError } from '../db/status-transition.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { findLevelItem, levelFromItem } from '../inventory/inventory-repository.js';
import type { ReorderRule } from '../inventory/inventory-schemas.js';
import { InsufficientStockError } from '../inventory/stock-change.js';
import type { PurchaseOrder } from '../purchasing/purchase-order-schemas.js';
import { addToDraftWrite, plannedPurchaseOrderWrites } from '../purchasing/purchase-order-service.js';
import { findStore } from '../stores/store-repository.js';
import { findSupplier } from '../suppliers/supplier-repository.js';
import type { Supplier } from '../suppliers/supplier-schemas.js';
import { plannedTransferWrites } from '../transfers/transfer-service.js';
import { type Donor, findDonors } from './donors.js';
import type { LowStockDetail } from './replenishment-events.js';
import {
  allowsPurchase,
  allowsTransfer,
  needsReplenishment,
  projectedQuantity,
  quantityToOrder,
  splitReplenishment,
} from './replenishment-math.js';
import {
  donorStillHasWrite,
  findGuard,
  findReplenishment,
  openReplenishmentWrites,
  ReplenishmentOpenError,
  ReplenishmentRecordedError,
} from './replenishment-repository.js';
import type { PlannedFrom, Replenishment } from './replenishment-schemas.js';

export const REPLENISHMENT_ACTOR: SystemActor = { userId: 'system:replenishment' };

export type SkipReason =
  | 'duplicate-event'
  | 'unknown-store'
  | 'no-rule'
  | 'notify-only'
  | 'already-open'
  | 'above-reorder-point'
  | 'nothing-available';

export type PlanOutcome =
  | { outcome: 'planned'; replenishment: Replenishment }
  | { outcome: 'skipped'; reason: SkipReason; plannedFrom?: PlannedFrom; replenishmentId?: string };

/**
 * The replenishment's id from the event that planned it: a redelivered event computes the same
 * id and its record's `attribute_not_exists` refuses it, even after the first one has closed.
 */
export const replenishmentIdOf = (eventId: string): string =>
  `rp_${createHash('sha256').update(eventId).digest('hex').slice(0, 26)}`;

const skipped = (
  reason: SkipReason,
  extra: Omit<Extract<PlanOutcome, { outcome: 'skipped' }>, 'outcome' | 'reason'> = {},
): PlanOutcome => ({
  outcome: 'skipped',
  reason,
  ...extra,
});

/** Draft POs scanned for one to join: a store has few open drafts; 4 pages bound the work. */
const DRAFT_PAGES = 4;

/** A DRAFT purchase order of the store from the supplier with room for the SKU, if any. */
const openDraftFrom = async (storeId: string, supplierId: string): Promise<PurchaseOrder | undefined> => {
  let cursor: string | undefined;
  for (let page = 0; page < DRAFT_PAGES; page++) {
    const result = await queryPage({
      indexName: 'gsi2',
      partitionValue: purchaseOrderKeys.storeStatusPartition(storeId, 'DRAFT'),
      limit: 25,
      cursor,
    });
    const match = result.items.find((item) => item.supplierId === supplierId);
    if (match) return stripStorageAttributes<PurchaseOrder>(match);
    if (!result.nextCursor) return undefined;
    cursor = result.nextCursor;
  }
  return undefined;
};

/**
 * The supplier's own price for the SKU (an imported price list), else the variant's cost when
 * it is in the supplier's currency; otherwise 0, for the buyer to price.
 */
const unitCostOf = async (productId: string, sku: string, supplier: Supplier): Promise<number> => {
  const listed = await getItem(supplierPriceKeys.item(supplier.supplierId, sku), false);
  if (typeof listed?.unitCost === 'number' && listed.currency === supplier.currency) return listed.unitCost;
  const variant = (await findProduct(productId))?.variants.find((v) => v.sku === sku);
  return variant && variant.currency === supplier.currency ? variant.cost : 0;
};

/**
 * Several documents check that the same store exists (each transfer's destination, the
 * purchase order's store); a transaction may touch an item once, so one check is kept.
 */
const withoutRepeatedChecks = (writes: GuardedWrite[]): GuardedWrite[] => {
  const checked = new Set<string>();
  return writes.filter(({ write }) => {
    const key = write.ConditionCheck?.Key;
    if (!key) return true;
    const id = JSON.stringify(key);
    if (checked.has(id)) return false;
    checked.add(id);
    return true;
  });
};

interface Context {
  detail: LowStockDetail;
  source: 'event' | 'sweep';
  now: Date;
}

/**
 * Plans the replenishment of a store's SKU after `Inventory.LowStock` (or the daily sweep):
 * re-reads the level rather than trusting the event, plans only when projected ≤ reorder point,
 * takes what same-region donors can spare (best first) as transfers and buys the rest from the
 * rule's preferred supplier, joining a draft purchase order to that supplier when one is open.
 * Everything (guard, record, transfers, purchase order, donor checks) is one transaction: a
 * second planner for the same store and SKU fails the guard's `attribute_not_exists` and plans
 * nothing; a donor whose stock moved meanwhile makes the planner re-read and plan again.
 */
export const planReplenishment = (
  detail: LowStockDetail,
  options: { source?: 'event' | 'sweep'; now?: Date } = {},
): Promise<PlanOutcome> =>
  retryOnContention(() =>
    attemptPlan({ detail, source: options.source ?? 'event', now: options.now ?? new Date() }),
  );

const attemptPlan = async ({ detail, source, now }: Context): Promise<PlanOutcome> => {
  const { storeId, sku } = detail;
  const replenishmentId = replenishmentIdOf(detail.eventId);
  const [recorded, store, levelItem, guard] = await Promise.all([
    findReplenishment(storeId, replenishmentId),
    findStore(storeId),
    findLevelItem(storeId, sku),
    findGuard(storeId, sku),
  ]);
  if (recorded) return skipped('duplicate-event', { replenishmentId });
  if (!store) return skipped('unknown-store');
  if (!levelItem) return skipped('no-rule');
  const level = levelFromItem(levelItem, { storeId, sku, productId: String(levelItem.productId) });
  const rule = level.reorderRule;
  if (!rule) return skipped('no-rule');
  if (rule.replenishment === 'notify_only') return skipped('notify-only');
  // At most one replenishment is open per store and SKU, so while one is, nothing more is
  // planned; with none open, no replenishment is outstanding that incoming does not count.
  if (guard) return skipped('already-open', { replenishmentId: String(guard.replenishmentId) });
  const numbers = { available: level.available, incoming: level.incoming, openNotIncoming: 0 };
  const projected = projectedQuantity(numbers);
  const plannedFrom: PlannedFrom = {
    ...numbers,
    projected,
    reorderPoint: rule.reorderPoint,
    reorderQuantity: rule.reorderQuantity,
    quantity: quantityToOrder(projected, rule),
  };
  if (!needsReplenishment(projected, rule)) return skipped('above-reorder-point', { plannedFrom });

  const [donors, supplier] = await Promise.all([
    allowsTransfer(rule.replenishment) ? findDonors(store, sku, level.productId) : Promise.resolve([]),
    allowsPurchase(rule.replenishment) && rule.preferredSupplierId
      ? findSupplier(rule.preferredSupplierId)
      : Promise.resolve(undefined),
  ]);
  const split = splitReplenishment(plannedFrom.quantity, rule.replenishment, donors, supplier !== undefined);
  if (split.transfers.length === 0 && split.purchase === 0)
    return skipped('nothing-available', { plannedFrom });

  const documents = await documentWrites({
    replenishmentId,
    storeId,
    sku,
    productId: level.productId,
    rule,
    donors,
    split,
    supplier,
    now,
  });
  const replenishment: Replenishment = {
    replenishmentId,
    storeId,
    sku,
    productId: level.productId,
    status: 'OPEN',
    policy: rule.replenishment,
    autoApprove: rule.autoApprove,
    trigger: { source, eventId: detail.eventId },
    plannedFrom,
    transfers: documents.transfers,
    ...(documents.purchaseOrder ? { purchaseOrder: documents.purchaseOrder } : {}),
    unplanned: split.unplanned,
    pendingDocuments: [
      ...documents.transfers.map((t) => t.transferId),
      ...(documents.purchaseOrder ? [documents.purchaseOrder.purchaseOrderId] : []),
    ],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    updatedBy: REPLENISHMENT_ACTOR.userId,
    version: 1,
  };
  try {
    await transactWrite(
      withoutRepeatedChecks([...openReplenishmentWrites(replenishment), ...documents.writes]),
    );
  } catch (error) {
    if (error instanceof ReplenishmentOpenError) return skipped('already-open');
    if (error instanceof ReplenishmentRecordedError) return skipped('duplicate-event', { replenishmentId });
    // A donor sold what the plan counted on, or the draft PO moved on: read again and re-plan.
    if (error instanceof InsufficientStockError || error instanceof InvalidStateError)
      throw new ContentionError({ detail: 'Stock or a draft changed while planning.', cause: error });
    throw error;
  }
  return { outcome: 'planned', replenishment };
};

const documentWrites = async (plan: {
  replenishmentId: string;
  storeId: string;
  sku: string;
  productId: string;
  rule: ReorderRule;
  donors: Donor[];
  split: ReturnType<typeof splitReplenishment>;
  supplier: Supplier | undefined;
  now: Date;
}) => {
  const { storeId, sku, productId, rule, now } = plan;
  const note = `Replenishment ${plan.replenishmentId}: ${sku} at ${storeId} fell to its reorder point.`;
  const writes: GuardedWrite[] = [];
  const transfers: Replenishment['transfers'] = plan.split.transfers.map((give) => {
    const { transfer, writes: transferWrites } = plannedTransferWrites(
      REPLENISHMENT_ACTOR,
      {
        fromStoreId: give.fromStoreId,
        toStoreId: storeId,
        lines: [{ sku, productId, quantity: give.quantity }],
        note,
      },
      { now, ready: rule.autoApprove },
    );
    writes.push(...transferWrites);
    const donor = plan.donors.find((d) => d.storeId === give.fromStoreId);
    // Readying commits the stock (conditional on it being there); a draft holds nothing, so the
    // donor's stock is checked here, in the same transaction.
    if (donor && !rule.autoApprove)
      writes.push(
        donorStillHasWrite(
          give.fromStoreId,
          sku,
          donor.keep + give.quantity,
          () =>
            new ContentionError({ detail: `Stock of ${sku} at ${give.fromStoreId} moved while planning.` }),
        ),
      );
    return {
      transferId: transfer.transferId,
      fromStoreId: give.fromStoreId,
      quantity: give.quantity,
      status: transfer.status,
    };
  });
  if (plan.split.purchase === 0 || !plan.supplier) return { writes, transfers, purchaseOrder: undefined };
  const supplier = plan.supplier;
  const line = {
    sku,
    productId,
    quantity: plan.split.purchase,
    unitCost: await unitCostOf(productId, sku, supplier),
  };
  // A manager's draft is joined only for drafts; an auto-approved plan orders its own lines.
  const draft = rule.autoApprove ? undefined : await openDraftFrom(storeId, supplier.supplierId);
  const joined = draft ? addToDraftWrite(REPLENISHMENT_ACTOR, draft, line, now) : undefined;
  if (joined) {
    writes.push(joined.write);
    return {
      writes,
      transfers,
      purchaseOrder: {
        purchaseOrderId: joined.purchaseOrder.purchaseOrderId,
        supplierId: supplier.supplierId,
        quantity: line.quantity,
        joined: true,
        status: joined.purchaseOrder.status,
      },
    };
  }
  const { purchaseOrder, writes: poWrites } = plannedPurchaseOrderWrites(
    REPLENISHMENT_ACTOR,
    { supplierId: supplier.supplierId, storeId, currency: supplier.currency, lines: [line], note },
    { now, order: rule.autoApprove },
  );
  writes.push(...poWrites);
  return {
    writes,
    transfers,
    purchaseOrder: {
      purchaseOrderId: purchaseOrder.purchaseOrderId,
      supplierId: supplier.supplierId,
      quantity: line.quantity,
      joined: false,
      status: purchaseOrder.status,
    },
  };
};
