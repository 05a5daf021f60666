import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../auth/principal.js';
import { documentClient, tableName } from '../db/client.js';
import { type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, inventoryKeys } from '../db/keys.js';
import { getItem, itemsOfKeysPage, type Page, queryPage } from '../db/query-page.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type {
  InventoryLevel,
  Movement,
  ReorderRule,
  StocktakeRecord,
  StocktakeResult,
} from './inventory-schemas.js';
import { levelIdentityUpdate } from './stock-change.js';

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));

/** Rules stored before `replenishment` and `autoApprove` existed read with their defaults. */
export const withRuleDefaults = (rule: Partial<ReorderRule> | undefined): ReorderRule | undefined =>
  rule
    ? ({ replenishment: 'transfer_then_purchase', autoApprove: false, ...rule } as ReorderRule)
    : undefined;

/** A level item as the API shows it; a SKU never stocked at the store reads as all zeros. */
export const levelFromItem = (
  item: Record<string, unknown> | undefined,
  identity: { storeId: string; sku: string; productId: string },
): InventoryLevel => {
  if (!item) {
    return {
      ...identity,
      onHand: 0,
      committed: 0,
      unavailable: 0,
      available: 0,
      incoming: 0,
      belowReorderPoint: false,
      version: 0,
      updatedAt: null,
      updatedBy: null,
    };
  }
  const rule = withRuleDefaults(item.reorderRule as Partial<ReorderRule> | undefined);
  const available = num(item.available);
  return {
    storeId: String(item.storeId ?? identity.storeId),
    sku: String(item.sku ?? identity.sku),
    productId: String(item.productId ?? identity.productId),
    onHand: num(item.onHand),
    committed: num(item.committed),
    unavailable: num(item.unavailable),
    available,
    incoming: num(item.incoming),
    ...(rule ? { reorderRule: rule } : {}),
    belowReorderPoint: rule !== undefined && available <= rule.reorderPoint,
    version: num(item.version),
    updatedAt: typeof item.updatedAt === 'string' ? item.updatedAt : null,
    updatedBy: typeof item.updatedBy === 'string' ? item.updatedBy : null,
  };
};

const levelsOf = (items: Record<string, unknown>[]): InventoryLevel[] =>
  items.map((item) =>
    levelFromItem(item, { storeId: String(item.storeId), sku: String(item.sku), productId: '' }),
  );

const pageOfLevels = (page: Page<Record<string, unknown>>): Page<InventoryLevel> => ({
  items: levelsOf(page.items),
  nextCursor: page.nextCursor,
});

export const movementFromItem = (item: Record<string, unknown>): Movement => ({
  movementId: String(item.movementId),
  storeId: String(item.storeId),
  sku: String(item.sku),
  productId: String(item.productId),
  reason: item.reason as Movement['reason'],
  onHandDelta: num(item.onHandDelta),
  committedDelta: num(item.committedDelta),
  unavailableDelta: num(item.unavailableDelta),
  incomingDelta: num(item.incomingDelta),
  ...(item.reference ? { reference: item.reference as NonNullable<Movement['reference']> } : {}),
  ...(typeof item.note === 'string' ? { note: item.note } : {}),
  actor: String(item.actor),
  at: String(item.at),
});

export const findLevelItem = (storeId: string, sku: string) => getItem(inventoryKeys.level(storeId, sku));

/** Every level of a store, by SKU. */
export const queryStoreLevels = async (storeId: string, limit: number, cursor: string | undefined) =>
  pageOfLevels(
    await queryPage({
      partitionValue: inventoryKeys.storePartition(storeId),
      sortKeyPrefix: inventoryKeys.levelPrefix,
      limit,
      cursor,
    }),
  );

/**
 * Levels with a reorder rule, from the reorder watch (gsi4, numeric `reorderGap`): at or below
 * the point is `reorderGap <= 0` (most urgent first), above it `reorderGap >= 1`. A key
 * condition, not a filter: the Query reads only the matching levels.
 */
export const queryReorderWatch = async (
  storeId: string,
  below: boolean,
  limit: number,
  cursor: string | undefined,
) =>
  pageOfLevels(
    await queryPage({
      indexName: 'gsi4',
      partitionValue: inventoryKeys.reorderWatchPartition(storeId),
      sortKey: below ? { lessOrEqual: 0 } : { greaterOrEqual: 1 },
      limit,
      cursor,
    }),
  );

/**
 * One product's levels across every store (gsi9, by store then SKU), or at one store. The index
 * holds keys only (a level changes with every sale, and a copy would be rewritten each time),
 * so the levels come from one BatchGet of the page's keys, eventually consistent like the index.
 */
export const queryProductLevels = async (
  productId: string,
  limit: number,
  cursor: string | undefined,
  storeId?: string,
) =>
  pageOfLevels(
    await itemsOfKeysPage(
      await queryPage({
        indexName: 'gsi9',
        partitionValue: inventoryKeys.productPartition(productId),
        ...(storeId ? { sortKeyPrefix: `${storeId}#` } : {}),
        limit,
        cursor,
      }),
    ),
  );

/** A store and SKU's movements, newest first. */
export const queryMovements = async (
  storeId: string,
  sku: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<Movement>> => {
  const page = await queryPage({
    partitionValue: inventoryKeys.movementPartition(storeId, sku),
    limit,
    cursor,
    descending: true,
  });
  return { items: page.items.map(movementFromItem), nextCursor: page.nextCursor };
};

/**
 * Sets a level's reorder rule in one conditional UpdateItem: the rule, the reorder-watch
 * partition and `reorderGap = available − reorderPoint` computed by DynamoDB from the stored
 * `available`, so a concurrent stock change cannot slip between a read and this write. A level
 * that does not exist yet is created at zero with the same identity attributes
 * stockChangeWrites sets. The condition refuses a level that belongs to another product.
 */
/**
 * Sets a level's reorder rule (creating an empty level if none exists) and moves it onto the
 * store's reorder watch index, and returns the level as written (ReturnValues, no read back).
 * The caller has checked that a named preferred supplier exists (suppliers are never deleted).
 */
export const updateReorderRule = async (
  level: { storeId: string; sku: string; productId: string },
  rule: ReorderRule,
  actor: Principal | SystemActor,
  now: Date,
): Promise<Record<string, unknown>> => {
  const identity = levelIdentityUpdate(level, actor, now);
  const zeroIfMissing = ['onHand', 'committed', 'unavailable', 'available', 'incoming'].map(
    (state) => `${state} = if_not_exists(${state}, :zero)`,
  );
  const key = inventoryKeys.level(level.storeId, level.sku);
  const update = {
    TableName: tableName(),
    Key: key,
    UpdateExpression: `SET ${[
      ...zeroIfMissing,
      'reorderRule = :rule',
      'gsi4pk = :watch',
      'reorderGap = if_not_exists(available, :zero) - :rp',
      ...identity.sets,
    ].join(', ')} REMOVE ${identity.removes.join(', ')}`,
    ConditionExpression: 'attribute_not_exists(productId) OR productId = :productId',
    ExpressionAttributeValues: {
      ...identity.values,
      ':rule': rule,
      ':watch': inventoryKeys.reorderWatchPartition(level.storeId),
      ':rp': rule.reorderPoint,
    },
  };
  const otherProduct = () =>
    new ConflictError({
      detail: `The level of ${level.sku} at ${level.storeId} belongs to another product; it cannot take this rule.`,
    });
  try {
    const result = await documentClient.send(new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }));
    return result.Attributes ?? {};
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw otherProduct();
    throw error;
  }
};

/**
 * Removes a level's reorder rule and takes it off the store's reorder watch index (without
 * `gsi4pk` and `reorderGap` the item leaves gsi4). Conditional on a rule being there, so a
 * second removal is a 404 rather than a silent version bump. Stock quantities are untouched.
 */
export const removeReorderRule = async (
  level: { storeId: string; sku: string },
  actor: Principal | SystemActor,
  now: Date,
): Promise<Record<string, unknown>> => {
  try {
    const result = await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: inventoryKeys.level(level.storeId, level.sku),
        UpdateExpression:
          'REMOVE reorderRule, gsi4pk, reorderGap SET version = version + :one, updatedAt = :now, updatedBy = :actor',
        ConditionExpression: 'attribute_exists(reorderRule)',
        ExpressionAttributeValues: { ':one': 1, ':now': now.toISOString(), ':actor': actor.userId },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes ?? {};
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new NotFoundError({ detail: `${level.sku} at ${level.storeId} has no reorder rule.` });
    }
    throw error;
  }
};

/** The stocktake's outcome, kept in the store's partition for audit (best effort, after the lines). */
export const insertStocktakeRecord = async (
  result: StocktakeResult,
  actor: Principal | SystemActor,
  note: string | undefined,
): Promise<void> => {
  await documentClient.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...inventoryKeys.stocktake(result.storeId, result.stocktakeId),
        entityType: ENTITY.stocktake,
        ...result,
        ...(note ? { note } : {}),
        actor: actor.userId,
        createdAt: result.at,
        updatedAt: result.at,
        updatedBy: actor.userId,
        version: 1,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
};

const stocktakeFromItem = (item: Record<string, unknown>): StocktakeRecord =>
  stripStorageAttributes<StocktakeRecord>(item);

export const findStocktake = async (
  storeId: string,
  stocktakeId: string,
): Promise<StocktakeRecord | undefined> => {
  const item = await getItem(inventoryKeys.stocktake(storeId, stocktakeId));
  return item ? stocktakeFromItem(item) : undefined;
};

/** A store's stocktakes, newest first: a Query on its partition, `begins_with(sk, 'STOCKTAKE#')`. */
export const queryStocktakes = async (
  storeId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<StocktakeRecord>> => {
  const page = await queryPage({
    partitionValue: inventoryKeys.storePartition(storeId),
    sortKeyPrefix: inventoryKeys.stocktakePrefix,
    descending: true,
    limit,
    cursor,
  });
  return { items: page.items.map(stocktakeFromItem), nextCursor: page.nextCursor };
};
