import type { Principal } from '../auth/principal.js';
import { retryOnContention } from '../db/contention.js';
import { newItemMeta, type SystemActor, stripStorageAttributes } from '../db/item-meta.js';
import { ENTITY, guardKeys, promotionKeys } from '../db/keys.js';
import { batchGetItems, getItem, type Page, queryPage } from '../db/query-page.js';
import { readRollup, rollupWrite } from '../db/rollup-item.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { claimUnique, releaseUnique } from '../db/unique-guards.js';
import { createItem, updateAtVersion } from '../db/versioned-write.js';
import { ConflictError, InternalError } from '../errors.js';
import {
  cardFromItem,
  cardItem,
  cardOf,
  cardWithPromotion,
  type LivePromotionsCard,
} from './live-promotions-card.js';
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

/**
 * The live promotions' card as stored, or, when there is none yet (a stage deployed before
 * cards: docs/runbooks/pricing-cards.md), built from gsi1. Once the card exists every change
 * to a promotion writes it, so gsi1 is read only before the first.
 */
export const readLivePromotionsCard = async (
  now: Date,
): Promise<{ card: LivePromotionsCard; version: number | undefined }> => {
  const { current, version } = await readRollup<Record<string, unknown>>(promotionKeys.liveCard());
  const card = cardFromItem(current);
  if (card) return { card, version };
  return { card: cardOf(await loadLivePromotions(now), now), version: undefined };
};

const CARD = 'The live promotions card';

/**
 * The card write that goes with `promotion`'s change, conditional on the card's version
 * (none when the change leaves the card as it is).
 */
const cardWrites = async (promotion: Promotion, now: Date): Promise<GuardedWrite[]> => {
  const { card, version } = await readLivePromotionsCard(now);
  const next = cardWithPromotion(card, promotion, now);
  return next ? [rollupWrite(cardItem(next), version, CARD)] : [];
};

/**
 * Writes the card from gsi1 if there is none (the backfill), or, with `rebuild`, rewrites it
 * from gsi1 whatever it holds (after a deploy during which old code may have changed
 * promotions without it: docs/runbooks/pricing-cards.md). True when it wrote.
 */
export const ensureLivePromotionsCard = async (
  now: Date,
  options: { rebuild?: boolean } = {},
): Promise<boolean> =>
  retryOnContention(async () => {
    const { version } = await readRollup(promotionKeys.liveCard());
    if (version !== undefined && !options.rebuild) return false;
    const card = cardOf(await loadLivePromotions(now), now);
    await transactWrite([rollupWrite(cardItem(card), version, CARD)]);
    return true;
  });

/** Creates the promotion, its coupon guard and its entry in the live card, in one transaction. */
export const insertPromotion = async (
  promotionId: string,
  draft: PromotionDraft,
  actor: Principal | SystemActor,
  now: Date,
): Promise<Promotion> => {
  const promotion: Promotion = { promotionId, ...draft, usedCount: 0, ...newItemMeta(actor, now) };
  // Run again on a fresh card if another change to a promotion wrote it meanwhile.
  await retryOnContention(async () =>
    transactWrite([
      createItem(
        toItem(promotion),
        () => new InternalError({ detail: `Promotion id ${promotionId} collided.` }),
      ),
      ...couponGuardWrites(promotionId, undefined, promotion.couponCode),
      ...(await cardWrites(promotion, now)),
    ]),
  );
  return promotion;
};

export const findPromotion = async (promotionId: string): Promise<Promotion | undefined> => {
  const item = await getItem(promotionKeys.item(promotionId));
  return item ? fromItem(item) : undefined;
};

/**
 * Changes everything but the usage counter, if still at `current.version`; moves the coupon
 * guard and the promotion's entry in the live card.
 */
export const replacePromotion = async (current: Promotion, next: Promotion, now: Date): Promise<void> => {
  await retryOnContention(async () =>
    transactWrite([
      updateAtVersion({
        key: promotionKeys.item(current.promotionId),
        previous: toItem(current),
        next: toItem(next),
        expectedVersion: current.version,
        what: `Promotion ${current.promotionId}`,
        counters: COUNTERS,
      }),
      ...couponGuardWrites(current.promotionId, current.couponCode, next.couponCode),
      ...(await cardWrites(next, now)),
    ]),
  );
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

/**
 * The usage counters pricing needs, in one BatchGet: each of `limited` promotions' total
 * (`usedCount` is not on the card: sales move it) and, for a customer, their uses of each of
 * `perCustomer`. Eventually consistent, as the Query they replace: the order's transaction
 * guards every limit with its own condition.
 */
export const findUsageCounts = async (
  limited: readonly string[],
  perCustomer: readonly string[],
  customerId: string | undefined,
): Promise<{ used: Map<string, number>; customerUses: Map<string, number> }> => {
  const customerKeys = customerId ? perCustomer.map((id) => promotionKeys.usage(id, customerId)) : [];
  const keys = [...limited.map(promotionKeys.item), ...customerKeys];
  const items =
    keys.length > 0 ? await batchGetItems(keys, { attributes: ['promotionId', 'usedCount'] }) : [];
  const used = new Map<string, number>();
  const customerUses = new Map<string, number>();
  for (const item of items) {
    const isTotal = item.sk === promotionKeys.item(String(item.promotionId)).sk;
    const target = isTotal ? used : customerUses;
    target.set(String(item.promotionId), Number(item.usedCount ?? 0));
  }
  return { used, customerUses };
};
