import type { ReorderRule } from '../inventory/inventory-schemas.js';
import { type Happening, type ItemChange, num, pick, type Translator } from './item-change.js';

const QUANTITIES = ['onHand', 'committed', 'unavailable', 'available', 'incoming'] as const;
type Quantities = Record<(typeof QUANTITIES)[number], number>;

const quantitiesOf = (item: Record<string, unknown> | undefined): Quantities =>
  Object.fromEntries(QUANTITIES.map((q) => [q, num(item?.[q])])) as Quantities;

const ruleOf = (item: Record<string, unknown> | undefined): ReorderRule | undefined => {
  const rule = item?.reorderRule;
  return typeof rule === 'object' && rule !== null ? (rule as ReorderRule) : undefined;
};

/** `belowReorderPoint` as the API shows it: a rule, and available at or below its point. */
const isLow = (available: number, rule: ReorderRule | undefined): boolean =>
  rule !== undefined && available <= rule.reorderPoint;

const ruleFields = (rule: ReorderRule | undefined) =>
  rule
    ? pick(rule as unknown as Record<string, unknown>, [
        'reorderPoint',
        'reorderQuantity',
        'safetyStock',
        'preferredSupplierId',
      ])
    : undefined;

/**
 * An inventory level's change. `LevelChanged` whenever a quantity moved (not for a reorder
 * rule alone). `LowStock` exactly when `belowReorderPoint` flips from false to true, whether by
 * stock (a sale) or by the rule (set on a low level, point raised above available): once per
 * crossing, never while it stays low, so a burst of sales below the point publishes one.
 * A level that does not exist yet reads as all zeros without a rule, so its INSERT compares
 * against nothing in stock. `OutOfStock` / `BackInStock` on available crossing zero.
 */
export const translateInventoryLevel: Translator = (change: ItemChange): Happening[] => {
  const before = quantitiesOf(change.old);
  const after = quantitiesOf(change.new);
  const oldRule = ruleOf(change.old);
  const rule = ruleOf(change.new);
  const ids = pick(change.new, ['storeId', 'sku', 'productId']);
  const ruleDetail = ruleFields(rule);
  const withRule = ruleDetail ? { reorderRule: ruleDetail } : {};
  const happenings: Happening[] = [];
  const moved = QUANTITIES.some((q) => before[q] !== after[q]);
  if (moved) {
    const delta = Object.fromEntries(QUANTITIES.map((q) => [q, after[q] - before[q]]));
    happenings.push({
      detailType: 'Inventory.LevelChanged',
      body: { ...ids, before, after, delta, ...withRule },
    });
  }
  const alert = { ...ids, ...after, before };
  if (rule && ruleDetail && !isLow(before.available, oldRule) && isLow(after.available, rule)) {
    const byStock = oldRule !== undefined && oldRule.reorderPoint === rule.reorderPoint;
    happenings.push({
      detailType: 'Inventory.LowStock',
      body: { ...alert, ...ruleDetail, cause: byStock ? 'stock' : 'reorder-rule' },
    });
  }
  if (before.available > 0 && after.available <= 0)
    happenings.push({ detailType: 'Inventory.OutOfStock', body: { ...alert, ...withRule } });
  if (before.available <= 0 && after.available > 0)
    happenings.push({ detailType: 'Inventory.BackInStock', body: { ...alert, ...withRule } });
  return happenings;
};

/** A stocktake record is written once, when submitted. */
export const translateStocktake: Translator = (change) =>
  change.old
    ? []
    : [
        {
          detailType: 'Stocktake.Submitted',
          body: pick(change.new, [
            'stocktakeId',
            'storeId',
            'at',
            'applied',
            'conflicts',
            'totalVariance',
            'note',
          ]),
        },
      ];
