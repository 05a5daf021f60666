import type { ItemImage } from './compact-changes-read.js';
import type { SkuLookup } from './compact-order-rows.js';
import { integer, objectAt, text } from './compact-values.js';
import type { LakeRow } from './parquet-table.js';

/** Row mappers of the stock tables (lib/lake/curated-tables.ts): inventory_movements, inventory_snapshot. */

export const movementRow = (movement: ItemImage, skuFacts: SkuLookup): LakeRow => {
  const sku = text(movement, 'sku');
  const facts = sku === null ? undefined : skuFacts(sku);
  const onHandDelta = integer(movement, 'onHandDelta') ?? 0;
  const reference = objectAt(movement, 'reference');
  const unitCost = facts?.cost ?? null;
  return {
    movement_id: text(movement, 'movementId'),
    store_id: text(movement, 'storeId'),
    sku,
    product_id: text(movement, 'productId'),
    reason: text(movement, 'reason'),
    on_hand_delta: onHandDelta,
    committed_delta: integer(movement, 'committedDelta') ?? 0,
    unavailable_delta: integer(movement, 'unavailableDelta') ?? 0,
    incoming_delta: integer(movement, 'incomingDelta') ?? 0,
    reference_type: reference ? text(reference, 'type') : null,
    reference_id: reference ? text(reference, 'id') : null,
    currency: facts?.currency ?? null,
    unit_cost: unitCost,
    cost_value_delta: unitCost === null ? null : onHandDelta * unitCost,
    actor: text(movement, 'actor'),
    moved_at: text(movement, 'at'),
  };
};

/** A level's quantities; priced separately (`priceSnapshotRow`) so carried-over rows are re-priced daily. */
export const levelRow = (level: ItemImage): LakeRow => {
  const rule = objectAt(level, 'reorderRule');
  const reorderPoint = rule ? integer(rule, 'reorderPoint') : null;
  const available = integer(level, 'available') ?? 0;
  return {
    store_id: text(level, 'storeId'),
    sku: text(level, 'sku'),
    product_id: text(level, 'productId'),
    on_hand: integer(level, 'onHand') ?? 0,
    committed: integer(level, 'committed') ?? 0,
    unavailable: integer(level, 'unavailable') ?? 0,
    available,
    incoming: integer(level, 'incoming') ?? 0,
    reorder_point: reorderPoint,
    at_or_below_reorder_point: reorderPoint === null ? false : available <= reorderPoint,
    updated_at: text(level, 'updatedAt'),
  };
};

/** Stock value at the end of the day: units on hand at the catalog's unit cost then. */
export const priceSnapshotRow = (row: LakeRow, skuFacts: SkuLookup): LakeRow => {
  const facts = typeof row.sku === 'string' ? skuFacts(row.sku) : undefined;
  const unitCost = facts?.cost ?? null;
  const onHand = typeof row.on_hand === 'number' ? row.on_hand : 0;
  return {
    ...row,
    category: facts?.category ?? null,
    currency: facts?.currency ?? null,
    unit_cost: unitCost,
    cost_value: unitCost === null ? null : onHand * unitCost,
  };
};
