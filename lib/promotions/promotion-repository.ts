import type { Principal } from '../auth/principal.js';
import { newItemMeta, type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, guardKeys, promotionKeys } from '../db/keys.js';
import { batchGetItems, getItem, type Page, queryPage } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { claimUnique, releaseUnique } from '../db/unique-guards.js';
import { createItem, updateAtVersion } from '../db/versioned-write.js';
import { ConflictError, InternalError } from '../errors.js';
import type { Promotion, PromotionDraft, PromotionStatus } from './promotion-schemas.js';

/** Counters moved by sales with ADD; never written by edits (see updateAtVersion in lib/db/versioned-write.ts). */
const COUNTERS = ['usedCount'] as const;

const toItem = (promotion: Promotion) => ({
  ...promotionKeys.item(promotion.promotionId),
  ...promotionKeys.listing(promotion.status, promotion.endsAt, promotion.promotionId),
  entityType: ENTITY.promotion,
  ...promotion,
});

const fromItem = (item: Record<string, unknown>): Promotion => stripStorageAttributes<Promotion>(item);

const couponTaken = (code: string) => () =>
  new ConflictError({
    detail: `Coupon code ${code} is already in use by another promotion.`,
    errors: [{ path: 'body.couponCode', message: 'Already in use.' }],
  });

const couponGuardWrites = (promotionId: string, before?: string, after?: string): GuardedWrite[] => {
  if (before === after) return [];
  return [
    ...(after ? [claimUnique('COUPON', after, promotionId, couponTaken(after))] : []),
    ...(before ? [releaseUnique('COUPON', before, promotionId)] : []),
  ];
};

export const insertPromotion = async (
  promotionId: string,
  draft: PromotionDraft,
  actor: Principal | SystemActor,
  now: Date,
): Promise<Promotion> => {
  const promotion: Promotion = { promotionId, ...draft, usedCount: 0, ...newItemMeta(actor, now) };
  await transactWrite([
    createItem(
      toItem(promotion),
      () => new InternalError({ detail: `Promotion id ${promotionId} collided.` }),
    ),
    ...couponGuardWrites(promotionId, undefined, promotion.couponCode),
  ]);
  return promotion;
};

export const findPromotion = async (promotionId: string): Promise<Promotion | undefined> => {
  const item = await getItem(promotionKeys.item(promotionId));
  return item ? fromItem(item) : undefined;
};

/** Changes everything but the usage counter, if still at `current.version`; moves the coupon guard. */
export const replacePromotion = async (current: Promotion, next: Promotion): Promise<void> => {
  await transactWrite([
    updateAtVersion({
      key: promotionKeys.item(current.promotionId),
      previous: toItem(current),
      next: toItem(next),
      expectedVersion: current.version,
      what: `Promotion ${current.promotionId}`,
      counters: COUNTERS,
    }),
    ...couponGuardWrites(current.promotionId, current.couponCode, next.couponCode),
  ]);
};

/** gsi1 `PROMOTIONS#<status>` by end time; `endsOnOrAfter` keeps only those not ended by then. */
export const queryPromotions = async (query: {
  status: PromotionStatus;
  endsOnOrAfter?: Date;
  limit: number;
  cursor: string | undefined;
}): Promise<Page<Promotion>> => {
  const page = await queryPage({
    indexName: 'gsi1',
    partitionValue: promotionKeys.statusPartition(query.status),
    ...(query.endsOnOrAfter ? { sortKey: { greaterOrEqual: query.endsOnOrAfter.toISOString() } } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
  return { items: page.items.map(fromItem), nextCursor: page.nextCursor };
};

/**
 * Every active promotion whose end time is not before `now` (running or scheduled): one Query
 * on gsi1 with `gsi1sk >= now`, paged to the end. Ended promotions are never read.
 */
export const loadLivePromotions = async (now: Date): Promise<Promotion[]> => {
  const promotions: Promotion[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPromotions({ status: 'active', endsOnOrAfter: now, limit: 100, cursor });
    promotions.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return promotions;
};

/** The promotion id a coupon code belongs to (GetItem on its guard). */
export const findCouponOwner = async (code: string): Promise<string | undefined> => {
  const guard = await getItem(guardKeys.item('COUPON', code));
  return typeof guard?.ownerId === 'string' ? guard.ownerId : undefined;
};

/** How often `customerId` used each of `promotionIds` (BatchGet of the usage items). */
export const findCustomerUses = async (
  promotionIds: readonly string[],
  customerId: string,
): Promise<Map<string, number>> => {
  const items = await batchGetItems(promotionIds.map((id) => promotionKeys.usage(id, customerId)));
  return new Map(items.map((item) => [String(item.promotionId), Number(item.usedCount ?? 0)]));
};
