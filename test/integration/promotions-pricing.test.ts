import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentClient } from '../../lib/db/client.js';
import { transactWrite } from '../../lib/db/transact.js';
import {
  type AppliedPromotion,
  priceOrder,
  promotionUsageReleaseWrites,
  promotionUsageWrites,
} from '../../lib/promotions/pricing.js';
import { loadLivePromotions } from '../../lib/promotions/promotion-repository.js';
import type { CreatePromotionInput } from '../../lib/promotions/promotion-schemas.js';
import { createPromotion, getPromotion, updatePromotion } from '../../lib/promotions/promotion-service.js';
import { createStore } from '../../lib/stores/store-service.js';
import { couponCode, hoursFrom, line, promotionInput } from '../support/customer-fixtures.js';
import { admin, storeInput, uniqueSuffix } from '../support/fixtures.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Each test prices in a store of its own, so promotions made by other tests never apply. */
/** A real store of its own (promotions may name only stores that exist). */
const newStore = async () => (await createStore(admin, storeInput())).storeId;
const context = (storeId: string, extra: { couponCode?: string; customerId?: string } = {}) => ({
  storeId,
  channel: 'in_store' as const,
  now: new Date(),
  ...extra,
});
const create = (overrides: Partial<CreatePromotionInput>) =>
  createPromotion(admin, promotionInput(overrides));

/** Clients retry 503 (a transaction that kept losing races); the outcome must still be exact. */
const retrying = async (run: () => Promise<void>): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { status?: number }).status !== 503 || attempt > 10) throw error;
    }
  }
};

const use = (applied: AppliedPromotion[], customerId?: string) =>
  retrying(() => transactWrite(promotionUsageWrites(applied, customerId, new Date())));
const release = (applied: AppliedPromotion[], customerId?: string) =>
  transactWrite(promotionUsageReleaseWrites(applied, customerId, new Date()));

describe('priceOrder against DynamoDB Local', () => {
  it('applies the store’s running automatic promotions with one read of the live card (plus nothing else)', async () => {
    const storeId = await newStore();
    await create({
      storeIds: [storeId],
      percentOff: 10,
      scope: { appliesTo: 'categories', categories: ['lens-care'] },
    });
    const send = vi.spyOn(documentClient, 'send');
    const order = await priceOrder(
      [line({ category: 'lens-care', unitPrice: 2195, quantity: 2 }), line({ sku: 'LENS', unitPrice: 5000 })],
      context(storeId),
    );
    expect(order).toMatchObject({ subtotal: 9390, discountTotal: 439, total: 8951 });
    expect(send.mock.calls.map(([command]) => command.constructor.name)).toEqual(['GetCommand']);
  });

  it('loads running and scheduled promotions but never ended or disabled ones, paging through every page', async () => {
    const storeId = await newStore();
    const now = new Date();
    const ended = await create({
      storeIds: [storeId],
      startsAt: hoursFrom(now, -48),
      endsAt: hoursFrom(now, -24),
    });
    const scheduled = await create({
      storeIds: [storeId],
      startsAt: hoursFrom(now, 24),
      endsAt: hoursFrom(now, 48),
    });
    const disabled = await create({ storeIds: [storeId], status: 'disabled' });
    const many = [];
    for (let i = 0; i < 101; i++)
      many.push(await create({ storeIds: [storeId], stackable: true, percentOff: 1 }));
    const live = new Set((await loadLivePromotions(now)).map((p) => p.promotionId));
    expect(live.has(ended.promotionId)).toBe(false);
    expect(live.has(disabled.promotionId)).toBe(false);
    expect(live.has(scheduled.promotionId)).toBe(true);
    for (const p of many) expect(live.has(p.promotionId)).toBe(true);
    // 101 stackable 1% promotions on 100.00 → 101 × 1.00, capped at the line.
    const order = await priceOrder([line({ unitPrice: 10000 })], context(storeId));
    expect(order.discountTotal).toBe(10000);
    expect(order.appliedPromotions).toHaveLength(100);
  });

  it('resolves a coupon through its guard, in any case, and names body.couponCode when it cannot', async () => {
    const storeId = await newStore();
    const code = couponCode('W');
    await create({ storeIds: [storeId], couponCode: code, percentOff: 15 });
    const order = await priceOrder([line()], context(storeId, { couponCode: ` ${code.toLowerCase()} ` }));
    expect(order.appliedPromotions).toEqual([expect.objectContaining({ couponCode: code, amount: 150 })]);
    const problem = { status: 400, errors: [expect.objectContaining({ path: 'body.couponCode' })] };
    await expect(priceOrder([line()], context(storeId, { couponCode: 'NOSUCHCODE' }))).rejects.toMatchObject(
      problem,
    );
    await expect(priceOrder([line()], context(await newStore(), { couponCode: code }))).rejects.toMatchObject(
      problem,
    );
  });

  it('refuses a coupon once disabled, expired or used up', async () => {
    const storeId = await newStore();
    const now = new Date();
    const disabledCode = couponCode('D');
    await create({ storeIds: [storeId], couponCode: disabledCode, status: 'disabled' });
    const expiredCode = couponCode('E');
    await create({
      storeIds: [storeId],
      couponCode: expiredCode,
      startsAt: hoursFrom(now, -5),
      endsAt: hoursFrom(now, -1),
    });
    const usedCode = couponCode('U');
    const used = await create({ storeIds: [storeId], couponCode: usedCode, usageLimit: 1 });
    await use([{ promotionId: used.promotionId, name: used.name, amount: 1, limits: { usageLimit: 1 } }]);
    for (const [code, message] of [
      [disabledCode, /expired or is disabled/],
      [expiredCode, /expired or is disabled/],
      [usedCode, /used up/],
    ] as const) {
      await expect(priceOrder([line()], context(storeId, { couponCode: code }))).rejects.toMatchObject({
        status: 400,
        errors: [{ path: 'body.couponCode', message: expect.stringMatching(message) }],
      });
    }
  });
});

describe('promotion usage against DynamoDB Local', () => {
  it('writes nothing for promotions without limits', async () => {
    const storeId = await newStore();
    await create({ storeIds: [storeId] });
    const order = await priceOrder([line()], context(storeId));
    expect(promotionUsageWrites(order.appliedPromotions, undefined, new Date())).toEqual([]);
    expect(promotionUsageReleaseWrites(order.appliedPromotions, undefined, new Date())).toEqual([]);
  });

  it('lets exactly 5 of 20 concurrent orders use a coupon limited to 5', async () => {
    const storeId = await newStore();
    const code = couponCode('L');
    const promo = await create({ storeIds: [storeId], couponCode: code, usageLimit: 5 });
    const order = await priceOrder([line()], context(storeId, { couponCode: code }));
    expect(order.appliedPromotions[0]?.limits).toEqual({ usageLimit: 5 });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => use(order.appliedPromotions)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.map((r) => [r.reason.status, r.reason.slug])).toEqual(
      Array(15).fill([409, 'promotion-exhausted']),
    );
    expect((await getPromotion(admin, promo.promotionId)).usedCount).toBe(5);
    await expect(priceOrder([line()], context(storeId, { couponCode: code }))).rejects.toMatchObject({
      status: 400,
    });
  });

  it('enforces a per-customer limit per customer, and a cancelled order gives its use back', async () => {
    const storeId = await newStore();
    const promo = await create({ storeIds: [storeId], perCustomerLimit: 1, percentOff: 20 });
    const [alice, bob] = ['cu_alice', 'cu_bob'].map((id) => `${id}_${uniqueSuffix().toLowerCase()}`) as [
      string,
      string,
    ];

    expect((await priceOrder([line()], context(storeId))).discountTotal).toBe(0); // needs a customer
    const first = await priceOrder([line()], context(storeId, { customerId: alice }));
    expect(first.appliedPromotions).toEqual([
      { promotionId: promo.promotionId, name: promo.name, amount: 200, limits: { perCustomerLimit: 1 } },
    ]);
    await use(first.appliedPromotions, alice);
    // Priced again, the automatic promotion no longer applies to Alice…
    expect((await priceOrder([line()], context(storeId, { customerId: alice }))).discountTotal).toBe(0);
    // …and an order priced before her first one was written loses the race with 409.
    await expect(use(first.appliedPromotions, alice)).rejects.toMatchObject({
      status: 409,
      slug: 'promotion-exhausted',
    });
    // Bob is unaffected.
    await use(first.appliedPromotions, bob);

    await release(first.appliedPromotions, alice);
    expect((await priceOrder([line()], context(storeId, { customerId: alice }))).discountTotal).toBe(200);
    expect((await getPromotion(admin, promo.promotionId)).usedCount).toBe(1);
  });

  it('lets exactly one of many concurrent orders of the same customer use a once-per-customer coupon', async () => {
    const storeId = await newStore();
    const code = couponCode('P');
    await create({ storeIds: [storeId], couponCode: code, perCustomerLimit: 1 });
    const customerId = `cu_${uniqueSuffix().toLowerCase()}`;
    const order = await priceOrder([line()], context(storeId, { couponCode: code, customerId }));
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => use(order.appliedPromotions, customerId)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(
      priceOrder([line()], context(storeId, { couponCode: code, customerId })),
    ).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.couponCode', message: expect.stringMatching(/maximum number of times/) }],
    });
  });

  it('keeps usage counted while the promotion is edited (edits never write the counter)', async () => {
    const storeId = await newStore();
    const promo = await create({ storeIds: [storeId], usageLimit: 10 });
    const order = await priceOrder([line()], context(storeId));
    await use(order.appliedPromotions);
    const edited = await updatePromotion(admin, promo.promotionId, { name: 'Renamed' }, 1);
    expect(edited.version).toBe(2);
    expect(await getPromotion(admin, promo.promotionId)).toMatchObject({ name: 'Renamed', usedCount: 1 });
  });
});
