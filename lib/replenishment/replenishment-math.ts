import type { ReorderRule, ReplenishmentPolicy } from '../inventory/inventory-schemas.js';

/**
 * The arithmetic of replenishment, pure so that every rule is unit-tested on its own:
 * what is projected, how much to order (Odoo's min/max: up to reorder point + reorder
 * quantity, never less than the reorder quantity), what a donor can spare and who gives first.
 */

/** A donor without a reorder rule for the SKU keeps this many units above zero (its "point" is 0). */
export const DEFAULT_DONOR_SAFETY_STOCK = 0;

/** At most this many donors per replenishment, so its transaction stays well inside 100 items. */
export const MAX_DONORS = 8;

export interface ProjectedNumbers {
  available: number;
  /** In-transit transfers and ordered purchase orders (the level's `incoming`). */
  incoming: number;
  /** Open replenishments not yet counted as incoming (drafts, transfers not yet shipped). */
  openNotIncoming: number;
}

export const projectedQuantity = (n: ProjectedNumbers): number =>
  n.available + n.incoming + n.openNotIncoming;

/** Whether a level needs a replenishment: projected at or below the reorder point. */
export const needsReplenishment = (projected: number, rule: Pick<ReorderRule, 'reorderPoint'>): boolean =>
  projected <= rule.reorderPoint;

/** Units to bring: enough to reach reorder point + reorder quantity, at least the reorder quantity. */
export const quantityToOrder = (
  projected: number,
  rule: Pick<ReorderRule, 'reorderPoint' | 'reorderQuantity'>,
): number => Math.max(rule.reorderQuantity, rule.reorderPoint + rule.reorderQuantity - projected);

/**
 * What a donor can give and still stay strictly above its own reorder point + safety stock, so
 * that giving never makes the donor itself low (which would only move the shortage).
 */
export const donorSurplus = (
  available: number,
  rule: Pick<ReorderRule, 'reorderPoint' | 'safetyStock'> | undefined,
): number => {
  const keep = rule ? rule.reorderPoint + (rule.safetyStock ?? 0) : DEFAULT_DONOR_SAFETY_STOCK;
  return Math.max(0, available - keep - 1);
};

export interface DonorCandidate {
  storeId: string;
  surplus: number;
}

export interface PlannedSplit {
  transfers: { fromStoreId: string; quantity: number }[];
  purchase: number;
  /** What neither donors nor a supplier can cover under the policy. */
  unplanned: number;
}

export const allowsTransfer = (policy: ReplenishmentPolicy): boolean =>
  policy === 'transfer_then_purchase' || policy === 'transfer_only';

export const allowsPurchase = (policy: ReplenishmentPolicy): boolean =>
  policy === 'transfer_then_purchase' || policy === 'purchase_only';

/** Best donor first: most surplus, then store id; donors with nothing to spare are left out. */
export const rankDonors = (candidates: readonly DonorCandidate[]): DonorCandidate[] =>
  candidates
    .filter((candidate) => candidate.surplus > 0)
    .sort((a, b) => b.surplus - a.surplus || (a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : 0))
    .slice(0, MAX_DONORS);

/** Splits `quantity` into transfers from donors (best first) and the rest as a purchase. */
export const splitReplenishment = (
  quantity: number,
  policy: ReplenishmentPolicy,
  donors: readonly DonorCandidate[],
  hasSupplier: boolean,
): PlannedSplit => {
  const transfers: PlannedSplit['transfers'] = [];
  let left = quantity;
  if (allowsTransfer(policy)) {
    for (const donor of rankDonors(donors)) {
      if (left === 0) break;
      const give = Math.min(left, donor.surplus);
      transfers.push({ fromStoreId: donor.storeId, quantity: give });
      left -= give;
    }
  }
  const purchase = allowsPurchase(policy) && hasSupplier ? left : 0;
  return { transfers, purchase, unplanned: left - purchase };
};
