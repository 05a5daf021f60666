import { customerKeys, ENTITY, inventoryKeys, REPORT_ENTITY, type UniqueKind } from '../db/keys.js';

/**
 * The integrity check of a whole table (a restored one, or the drill's): fed every item of a
 * Scan, one at a time, it keeps only what the checks need (counters, keys, sums), so it runs in
 * little memory over a large table. Offline tooling only: nothing on a request path scans.
 */

type Item = Record<string, unknown>;

/** One named check: what it looked at, and every way the table failed it. */
export interface CheckResult {
  name: string;
  /** What was checked, e.g. `60 levels against 88 movements`. */
  checked: string;
  failureCount: number;
  /** The first failures, readable (at most MAX_EXAMPLES). */
  failures: string[];
}

export interface TableCheckReport {
  itemCount: number;
  /** Items per `entityType` (`(none)` for an item without one), sorted by type. */
  countsByType: Record<string, number>;
  checks: CheckResult[];
  ok: boolean;
}

const MAX_EXAMPLES = 20;

/** Entity types the code writes; anything else in a table is foreign or corrupt. */
export const KNOWN_ENTITY_TYPES: ReadonlySet<string> = new Set([
  ...Object.values(ENTITY),
  ...Object.values(REPORT_ENTITY),
  // The demo seed's completion marker (infra/local/seed.ts).
  'SeedMarker',
]);

/**
 * Guard kinds whose owners this check knows how to find. A guard of another kind (one added
 * after this check) is counted and named in the result, not failed: add its owner here.
 */
const CHECKED_GUARD_KINDS: ReadonlySet<string> = new Set<UniqueKind>([
  'STORE_CODE',
  'SKU',
  'BARCODE',
  'EMAIL',
  'PHONE',
  'COUPON',
]);

const STATES = ['onHand', 'committed', 'unavailable', 'incoming'] as const;
type State = (typeof STATES)[number];
type Sums = Record<State, number> & { count: number };

interface Level {
  storeId: string;
  sku: string;
  quantities: Record<State | 'available', number>;
  reorderPoint?: number;
  reorderGap?: number;
  gsi4pk?: unknown;
}

interface Guard {
  kind: UniqueKind;
  value: string;
  ownerId: string;
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A contact as its guard holds it (lib/customers/customer-repository.ts normalises the same way). */
const optional = (value: unknown, normalise: (value: string) => string): string | undefined =>
  typeof value === 'string' ? normalise(value) : undefined;

class Collector {
  private readonly failures: string[] = [];
  failureCount = 0;
  constructor(readonly name: string) {}
  fail(message: string): void {
    this.failureCount++;
    if (this.failures.length < MAX_EXAMPLES) this.failures.push(message);
  }
  result(checked: string): CheckResult {
    return { name: this.name, checked, failureCount: this.failureCount, failures: [...this.failures] };
  }
}

export class TableCheck {
  private itemCount = 0;
  private readonly counts = new Map<string, number>();
  private readonly unknownTypes = new Collector('known entity types');
  private readonly levels = new Map<string, Level>();
  private readonly movements = new Map<string, Sums>();
  private readonly guards: Guard[] = [];
  /** Natural-key values each owner holds, by guard kind and owner id. */
  private readonly held = new Map<UniqueKind, Map<string, Set<string>>>();
  private readonly pointsBalances = new Map<string, number>();
  private readonly pointsSums = new Map<string, number>();
  /** Partition keys of parents, and of children that need one, by parent kind. */
  private readonly parents = new Set<string>();
  private readonly children: { pk: string; type: string; parent: string }[] = [];

  add(item: Item): void {
    this.itemCount++;
    const type = str(item.entityType);
    this.counts.set(type ?? '(none)', (this.counts.get(type ?? '(none)') ?? 0) + 1);
    const key = `${String(item.pk)} / ${String(item.sk)}`;
    if (type === undefined || !KNOWN_ENTITY_TYPES.has(type))
      this.unknownTypes.fail(
        `${key}: entityType ${JSON.stringify(item.entityType)} is not one the code writes`,
      );
    switch (type) {
      case ENTITY.inventoryLevel:
        this.addLevel(item);
        break;
      case ENTITY.inventoryMovement:
        this.addMovement(item);
        break;
      case ENTITY.uniqueGuard:
        this.addGuard(item, key);
        break;
      case ENTITY.store:
        this.parents.add(String(item.pk));
        this.hold('STORE_CODE', item.storeId, [item.code]);
        break;
      case ENTITY.product:
        this.parents.add(String(item.pk));
        this.addProduct(item);
        break;
      case ENTITY.customer:
        this.parents.add(String(item.pk));
        this.pointsBalances.set(String(item.customerId), num(item.pointsBalance));
        this.hold('EMAIL', item.customerId, [optional(item.email, customerKeys.emailValue)]);
        this.hold('PHONE', item.customerId, [optional(item.phone, customerKeys.phoneValue)]);
        break;
      case ENTITY.promotion:
        this.parents.add(String(item.pk));
        this.hold('COUPON', item.promotionId, [item.couponCode]);
        break;
      case ENTITY.order:
      case ENTITY.transfer:
        this.parents.add(String(item.pk));
        break;
      case ENTITY.pointsEntry:
        this.pointsSums.set(
          String(item.customerId),
          (this.pointsSums.get(String(item.customerId)) ?? 0) + num(item.delta),
        );
        this.child(item, 'customer');
        break;
      case ENTITY.feedback:
        this.child(item, 'customer');
        break;
      case ENTITY.payment:
      case ENTITY.refund:
        this.child(item, 'order');
        break;
      case ENTITY.transferLink:
        this.child(item, 'transfer');
        break;
      case ENTITY.promotionUsage:
        this.child(item, 'promotion');
        break;
      default:
        break;
    }
  }

  report(): TableCheckReport {
    const checks = [
      this.unknownTypes.result(`${this.itemCount} items`),
      ...this.inventoryChecks(),
      ...this.guardChecks(),
      this.pointsCheck(),
      this.parentCheck(),
    ];
    const countsByType = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    return {
      itemCount: this.itemCount,
      countsByType,
      checks,
      ok: checks.every((check) => check.failureCount === 0),
    };
  }

  private addLevel(item: Item): void {
    const storeId = String(item.storeId);
    const sku = String(item.sku);
    const rule = item.reorderRule as { reorderPoint?: unknown } | undefined;
    this.levels.set(inventoryKeys.movementPartition(storeId, sku), {
      storeId,
      sku,
      quantities: {
        onHand: num(item.onHand),
        committed: num(item.committed),
        unavailable: num(item.unavailable),
        incoming: num(item.incoming),
        available: num(item.available),
      },
      ...(rule ? { reorderPoint: num(rule.reorderPoint), reorderGap: num(item.reorderGap) } : {}),
      gsi4pk: item.gsi4pk,
    });
  }

  private addMovement(item: Item): void {
    const partition = String(item.pk);
    const sums = this.movements.get(partition) ?? {
      onHand: 0,
      committed: 0,
      unavailable: 0,
      incoming: 0,
      count: 0,
    };
    for (const state of STATES) sums[state] += num(item[`${state}Delta`]);
    sums.count++;
    this.movements.set(partition, sums);
  }

  private addGuard(item: Item, key: string): void {
    const kind = str(item.kind) as UniqueKind | undefined;
    const value = str(item.value);
    const ownerId = str(item.ownerId);
    if (!kind || value === undefined || !ownerId) {
      this.guards.push({ kind: kind ?? ('?' as UniqueKind), value: value ?? key, ownerId: ownerId ?? '' });
      return;
    }
    this.guards.push({ kind, value, ownerId });
  }

  private addProduct(item: Item): void {
    const variants = Array.isArray(item.variants) ? (item.variants as Item[]) : [];
    this.hold(
      'SKU',
      item.productId,
      variants.map((variant) => variant.sku),
    );
    this.hold(
      'BARCODE',
      item.productId,
      variants.map((variant) => variant.barcode),
    );
  }

  private hold(kind: UniqueKind, ownerId: unknown, values: unknown[]): void {
    const byOwner = this.held.get(kind) ?? new Map<string, Set<string>>();
    this.held.set(kind, byOwner);
    const set = byOwner.get(String(ownerId)) ?? new Set<string>();
    byOwner.set(String(ownerId), set);
    for (const value of values) if (typeof value === 'string' && value !== '') set.add(value);
  }

  private child(item: Item, parent: 'customer' | 'order' | 'transfer' | 'promotion'): void {
    this.children.push({ pk: String(item.pk), type: String(item.entityType), parent });
  }

  private inventoryChecks(): CheckResult[] {
    const ledger = new Collector('inventory levels equal the sum of their movements');
    const states = new Collector('inventory states are consistent');
    let movementCount = 0;
    for (const [partition, level] of this.levels) {
      const sums = this.movements.get(partition);
      movementCount += sums?.count ?? 0;
      const where = `${level.sku} at ${level.storeId}`;
      for (const state of STATES) {
        const sum = sums?.[state] ?? 0;
        if (level.quantities[state] !== sum)
          ledger.fail(`${where}: ${state} is ${level.quantities[state]}, its movements sum to ${sum}`);
      }
      const { onHand, committed, unavailable, available } = level.quantities;
      for (const [state, value] of Object.entries(level.quantities))
        if (value < 0) states.fail(`${where}: ${state} is negative (${value})`);
      if (available !== onHand - committed - unavailable)
        states.fail(
          `${where}: available is ${available}, not onHand − committed − unavailable = ${onHand - committed - unavailable}`,
        );
      if (level.reorderPoint !== undefined) {
        if (level.reorderGap !== available - level.reorderPoint)
          states.fail(
            `${where}: reorderGap is ${level.reorderGap}, not available − reorderPoint = ${available - level.reorderPoint}`,
          );
        if (level.gsi4pk !== inventoryKeys.reorderWatchPartition(level.storeId))
          states.fail(`${where}: has a reorder rule but is not on its store's reorder watch`);
      }
    }
    for (const [partition, sums] of this.movements)
      if (!this.levels.has(partition)) ledger.fail(`${partition}: ${sums.count} movements but no level`);
    return [
      ledger.result(`${this.levels.size} levels against ${movementCount} movements`),
      states.result(`${this.levels.size} levels (no negative state, available, reorder watch)`),
    ];
  }

  private guardChecks(): CheckResult[] {
    const toOwner = new Collector('unique guards point at live owners holding the value');
    const toGuard = new Collector('every unique value has its guard');
    const guarded = new Map<string, string>();
    const unchecked = new Map<string, number>();
    for (const guard of this.guards) {
      if (!CHECKED_GUARD_KINDS.has(guard.kind)) {
        unchecked.set(guard.kind, (unchecked.get(guard.kind) ?? 0) + 1);
        continue;
      }
      const where = `${guard.kind} ${guard.value}`;
      guarded.set(`${guard.kind}#${guard.value}`, guard.ownerId);
      const owners = this.held.get(guard.kind);
      const holds = owners?.get(guard.ownerId);
      if (!owners || !holds) toOwner.fail(`${where}: owner ${guard.ownerId || '(none)'} does not exist`);
      // A SKU stays its product's for good, even once no variant carries it (product-repository.ts).
      else if (guard.kind !== 'SKU' && !holds.has(guard.value))
        toOwner.fail(`${where}: owner ${guard.ownerId} no longer holds this value`);
    }
    let values = 0;
    for (const [kind, owners] of this.held)
      for (const [ownerId, held] of owners)
        for (const value of held) {
          values++;
          const owner = guarded.get(`${kind}#${value}`);
          if (owner === undefined) toGuard.fail(`${kind} ${value} of ${ownerId}: no guard item`);
          else if (owner !== ownerId) toGuard.fail(`${kind} ${value} of ${ownerId}: guard owned by ${owner}`);
        }
    const skipped = [...unchecked].map(([kind, count]) => `${count} ${kind}`).join(', ');
    return [
      toOwner.result(
        `${this.guards.length} guards${skipped ? `; not checked, kinds it does not know: ${skipped}` : ''}`,
      ),
      toGuard.result(`${values} unique values`),
    ];
  }

  private pointsCheck(): CheckResult {
    const points = new Collector('points balances equal the sum of their entries');
    for (const [customerId, balance] of this.pointsBalances) {
      const sum = this.pointsSums.get(customerId) ?? 0;
      if (balance !== sum) points.fail(`customer ${customerId}: balance ${balance}, entries sum to ${sum}`);
    }
    for (const customerId of this.pointsSums.keys())
      if (!this.pointsBalances.has(customerId))
        points.fail(`points entries of missing customer ${customerId}`);
    return points.result(`${this.pointsBalances.size} customers`);
  }

  private parentCheck(): CheckResult {
    const orphans = new Collector('child items have their parent');
    for (const child of this.children)
      if (!this.parents.has(child.pk)) orphans.fail(`${child.type} in ${child.pk}: no ${child.parent} item`);
    return orphans.result(`${this.children.length} payments, refunds, feedback, points, links and usages`);
  }
}

/** Compares counts per entity type with the expected ones (e.g. those of the export). */
export const compareCounts = (
  expected: Readonly<Record<string, number>>,
  actual: Readonly<Record<string, number>>,
): CheckResult => {
  const counts = new Collector('item counts per entity type match');
  const types = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  for (const type of types)
    if ((expected[type] ?? 0) !== (actual[type] ?? 0))
      counts.fail(`${type}: expected ${expected[type] ?? 0}, found ${actual[type] ?? 0}`);
  const total = Object.values(expected).reduce((sum, n) => sum + n, 0);
  return counts.result(`${types.length} entity types, ${total} items expected`);
};
