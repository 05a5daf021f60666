import { describe, expect, it } from 'vitest';
import { findCouponOwner } from '../../lib/promotions/promotion-repository.js';
import {
  createPromotion,
  getPromotion,
  listPromotions,
  updatePromotion,
} from '../../lib/promotions/promotion-service.js';
import { createStore } from '../../lib/stores/store-service.js';
import { couponCode, hoursFrom, promotionInput, staffOf } from '../support/customer-fixtures.js';
import { admin, managerOf, storeInput } from '../support/fixtures.js';

/** A real store of its own (promotions may name only stores that exist). */
const newStore = async () => (await createStore(admin, storeInput())).storeId;

describe('promotions against DynamoDB Local', () => {
  it('creates a promotion with its coupon guard and derives its phase from the dates', async () => {
    const code = couponCode('W');
    const promo = await createPromotion(admin, promotionInput({ couponCode: code }));
    expect(promo).toMatchObject({
      promotionId: expect.stringMatching(/^pm_/),
      usedCount: 0,
      version: 1,
      phase: 'running',
    });
    expect(await findCouponOwner(code)).toBe(promo.promotionId);
    const now = new Date();
    const later = await createPromotion(
      admin,
      promotionInput({ startsAt: hoursFrom(now, 2), endsAt: hoursFrom(now, 3) }),
    );
    expect(later.phase).toBe('scheduled');
    expect((await getPromotion(admin, later.promotionId, new Date(Date.parse(later.endsAt) + 1))).phase).toBe(
      'ended',
    );
  });

  it('lets exactly one of many concurrent creates claim a coupon code', async () => {
    const code = couponCode('C');
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => createPromotion(admin, promotionInput({ couponCode: code }))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => [r.reason.status, r.reason.errors?.[0]?.path])).toEqual(
      Array(5).fill([409, 'body.couponCode']),
    );
  });

  it('lets a manager create promotions only for stores they manage', async () => {
    const [mine, theirs] = [await newStore(), await newStore()];
    const manager = managerOf(mine);
    expect((await createPromotion(manager, promotionInput({ storeIds: [mine] }))).storeIds).toEqual([mine]);
    for (const storeIds of [undefined, [theirs], [mine, theirs]])
      await expect(createPromotion(manager, promotionInput({ storeIds }))).rejects.toMatchObject({
        status: 403,
        errors: [{ path: 'body.storeIds' }],
      });
  });

  it('shows store-scoped callers only promotions for all stores or theirs', async () => {
    const [mine, theirs] = [await newStore(), await newStore()];
    const foreign = await createPromotion(admin, promotionInput({ storeIds: [theirs] }));
    const own = await createPromotion(admin, promotionInput({ storeIds: [mine, theirs] }));
    const everywhere = await createPromotion(admin, promotionInput());
    const staff = staffOf(mine);
    await expect(getPromotion(staff, foreign.promotionId)).rejects.toMatchObject({ status: 404 });
    expect((await getPromotion(staff, own.promotionId)).promotionId).toBe(own.promotionId);
    expect((await getPromotion(staff, everywhere.promotionId)).promotionId).toBe(everywhere.promotionId);
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await listPromotions(staff, { status: 'active', limit: 50, cursor });
      for (const p of page.items) seen.add(p.promotionId);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.has(own.promotionId) && seen.has(everywhere.promotionId)).toBe(true);
    expect(seen.has(foreign.promotionId)).toBe(false);
  });

  it('lists by status ordered by end time; current=true leaves out ended ones', async () => {
    const storeId = await newStore();
    const now = new Date();
    const make = (endsIn: number, status: 'active' | 'disabled' = 'active') =>
      createPromotion(
        admin,
        promotionInput({
          storeIds: [storeId],
          startsAt: hoursFrom(now, -100),
          endsAt: hoursFrom(now, endsIn),
          status,
        }),
      );
    const ended = await make(-1);
    const soon = await make(1);
    const later = await make(5);
    const disabled = await make(2, 'disabled');
    const ids = async (query: { status: 'active' | 'disabled'; current?: boolean }) => {
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPromotions(admin, { ...query, limit: 2, cursor }, now);
        all.push(...page.items.filter((p) => p.storeIds?.includes(storeId)).map((p) => p.promotionId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    };
    expect(await ids({ status: 'active' })).toEqual([ended.promotionId, soon.promotionId, later.promotionId]);
    expect(await ids({ status: 'active', current: true })).toEqual([soon.promotionId, later.promotionId]);
    expect(await ids({ status: 'disabled' })).toEqual([disabled.promotionId]);
  });

  it('moves the coupon guard on a code change, and frees it when the coupon is removed', async () => {
    const [a, b] = [couponCode('A'), couponCode('B')];
    const promo = await createPromotion(admin, promotionInput({ couponCode: a }));
    const other = await createPromotion(admin, promotionInput({ couponCode: b }));
    await expect(updatePromotion(admin, other.promotionId, { couponCode: a }, 1)).rejects.toMatchObject({
      status: 409,
      errors: [{ path: 'body.couponCode' }],
    });
    const renamed = await updatePromotion(admin, promo.promotionId, { couponCode: `${a}X` }, 1);
    expect(renamed).toMatchObject({ couponCode: `${a}X`, version: 2 });
    expect(await findCouponOwner(a)).toBeUndefined();
    expect(await findCouponOwner(`${a}X`)).toBe(promo.promotionId);
    const cleared = await updatePromotion(admin, promo.promotionId, { couponCode: null }, 2);
    expect(cleared).not.toHaveProperty('couponCode');
    expect(await findCouponOwner(`${a}X`)).toBeUndefined();
    expect((await updatePromotion(admin, other.promotionId, { couponCode: `${a}X` }, 1)).couponCode).toBe(
      `${a}X`,
    );
  });

  it('re-checks the combined rules on a patch, naming the field sent', async () => {
    const promo = await createPromotion(admin, promotionInput());
    await expect(updatePromotion(admin, promo.promotionId, { amountOff: 500 }, 1)).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.amountOff' }],
    });
    await expect(
      updatePromotion(admin, promo.promotionId, { startsAt: hoursFrom(new Date(promo.endsAt), 1) }, 1),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.startsAt' }] });
    await expect(updatePromotion(admin, promo.promotionId, { name: 'x' }, 7)).rejects.toMatchObject({
      status: 412,
    });
    await expect(updatePromotion(admin, 'pm_missing', { name: 'x' }, 1)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('moves a disabled promotion to the disabled listing', async () => {
    const promo = await createPromotion(admin, promotionInput());
    const disabled = await updatePromotion(admin, promo.promotionId, { status: 'disabled' }, 1);
    expect(disabled.status).toBe('disabled');
    const find = async (status: 'active' | 'disabled') => {
      let cursor: string | undefined;
      do {
        const page = await listPromotions(admin, { status, limit: 100, cursor });
        if (page.items.some((p) => p.promotionId === promo.promotionId)) return true;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return false;
    };
    expect(await find('disabled')).toBe(true);
    expect(await find('active')).toBe(false);
  });

  it('lets a manager change only promotions confined to their stores, and not widen them', async () => {
    const [mine, theirs] = [await newStore(), await newStore()];
    const manager = managerOf(mine);
    const own = await createPromotion(admin, promotionInput({ storeIds: [mine] }));
    const shared = await createPromotion(admin, promotionInput({ storeIds: [mine, theirs] }));
    const everywhere = await createPromotion(admin, promotionInput());
    expect((await updatePromotion(manager, own.promotionId, { percentOff: 15 }, 1)).percentOff).toBe(15);
    await expect(
      updatePromotion(manager, own.promotionId, { storeIds: [mine, theirs] }, 2),
    ).rejects.toMatchObject({
      status: 403,
      errors: [{ path: 'body.storeIds' }],
    });
    await expect(updatePromotion(manager, own.promotionId, { storeIds: null }, 2)).rejects.toMatchObject({
      status: 403,
      errors: [{ path: 'body.storeIds' }],
    });
    for (const promo of [shared, everywhere])
      await expect(updatePromotion(manager, promo.promotionId, { name: 'Mine' }, 1)).rejects.toMatchObject({
        status: 403,
      });
  });
});
