import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backfillPricingCards } from '../../infra/local/backfill-pricing-cards.js';
import { eraseCustomer } from '../../lib/customers/customer-erasure.js';
import { documentClient, tableName } from '../../lib/db/client.js';
import { inventoryKeys, promotionKeys, taxRateKeys } from '../../lib/db/keys.js';
import { getItem } from '../../lib/db/query-page.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { cardFromItem as promotionsCardFrom } from '../../lib/promotions/live-promotions-card.js';
import { ensureLivePromotionsCard, loadLivePromotions } from '../../lib/promotions/promotion-repository.js';
import type { CreatePromotionInput } from '../../lib/promotions/promotion-schemas.js';
import { createPromotion, getPromotion, updatePromotion } from '../../lib/promotions/promotion-service.js';
import { createStore } from '../../lib/stores/store-service.js';
import { ratesInForce } from '../../lib/tax/rates-in-force.js';
import { ratesFromCard, cardFromItem as taxCardFrom } from '../../lib/tax/tax-rate-card.js';
import { ensureTaxRateCard, queryTaxRates } from '../../lib/tax/tax-rate-repository.js';
import { hoursFrom, promotionInput } from '../support/customer-fixtures.js';
import { admin, storeInput } from '../support/fixtures.js';
import {
  idempotencyKey,
  newCustomer,
  orderInput,
  place,
  pointsBalance,
  stockedSkus,
} from '../support/order-fixtures.js';
import { addRate, newRegion } from '../support/tax-fixtures.js';

/**
 * The rollups order placement reads instead of Queries: a rate card per region and one card of
 * the live promotions (lib/tax/tax-rate-card.ts, lib/promotions/live-promotions-card.ts). They
 * must hold exactly what the items they summarise say, whatever admin changes race, and an
 * order must price from them as it priced from the Queries.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

/** Clients retry a 503 (a change that kept losing races to the card); the outcome must stay exact. */
const retrying = async <T>(run: () => Promise<T>): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { status?: number }).status !== 503 || attempt > 10) throw error;
    }
  }
};

const taxCard = async (region: string) => taxCardFrom(await getItem(taxRateKeys.card(region)));
const liveCardIds = async () =>
  new Set(promotionsCardFrom(await getItem(promotionKeys.liveCard()))?.promotions.map((p) => p.promotionId));

const create = (overrides: Partial<CreatePromotionInput>) =>
  retrying(() => createPromotion(admin, promotionInput(overrides)));

const year = (y: number) => `${y}-01-01T00:00:00.000Z`;

describe('a region’s rate card under concurrent rate changes', () => {
  it('holds every rate created at once, and answers as the Queries at any instant', async () => {
    const region = newRegion();
    const created = await Promise.all(
      ['default', 'lens-care', 'contact-lenses'].flatMap((category, c) =>
        [2030, 2031, 2032, 2033].map((y, i) =>
          retrying(() => addRate(region, category, 100 * (c + 1) + i, year(y), `${category} ${y}`)),
        ),
      ),
    );
    const card = await taxCard(region);
    expect(new Set(card?.rates.map((r) => r.taxRateId))).toEqual(new Set(created.map((r) => r.taxRateId)));
    for (const at of [year(2029), year(2030), '2031-06-30T12:00:00.000Z', year(2033), year(2040)]) {
      const categories = ['lens-care', 'contact-lenses', 'frames'];
      const expected = await ratesInForce(region, categories, new Date(at));
      expect(card && ratesFromCard(card, categories, new Date(at))).toEqual(expected);
    }
  });

  it('drops superseded rates when it is rewritten, and an order then is taxed from it', async () => {
    const region = newRegion();
    await addRate(region, 'default', 1000, year(2000));
    await addRate(region, 'default', 1500, year(2010));
    // Back-dated: created now, in force since 2020 (after the card was last written).
    const backDated = await addRate(region, 'default', 1250, year(2020), 'Back-dated');
    const card = await taxCard(region);
    expect(card?.rates.map((r) => r.rate)).toEqual([1250]);
    expect(card?.exactFrom).toBe(year(2020));

    const store = await createStore(admin, storeInput({ region }));
    const { skus } = await stockedSkus(store.storeId, [5]);
    const sku = skus[0] as string;
    const order = await place(admin, store.storeId, [{ sku, quantity: 1 }]);
    expect(order.lines[0]).toMatchObject({ taxRateId: backDated.taxRateId, taxRate: 1250 });
  });

  it('is built from the region’s rates when a stage has none yet (migration), lazily or by the backfill', async () => {
    const region = newRegion();
    const old = await addRate(region, 'default', 1000, year(2000));
    await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: taxRateKeys.card(region) }));
    // Without a card, placement asks the Queries: the old rate applies.
    const store = await createStore(admin, storeInput({ region }));
    const { skus } = await stockedSkus(store.storeId, [5]);
    const sku = skus[0] as string;
    expect((await place(admin, store.storeId, [{ sku, quantity: 1 }])).lines[0]).toMatchObject({
      taxRateId: old.taxRateId,
    });
    // A new rate in the region builds the card from the rates it finds, the old one included.
    const scheduled = await addRate(region, 'lens-care', 500, year(2040));
    expect(new Set((await taxCard(region))?.rates.map((r) => r.taxRateId))).toEqual(
      new Set([old.taxRateId, scheduled.taxRateId]),
    );
    // The backfill writes a missing card and leaves an existing one alone.
    await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: taxRateKeys.card(region) }));
    expect(await ensureTaxRateCard(region, new Date())).toBe(true);
    expect(await ensureTaxRateCard(region, new Date())).toBe(false);
    const listed = await queryTaxRates({ region, limit: 10 });
    expect(new Set((await taxCard(region))?.rates.map((r) => r.taxRateId))).toEqual(
      new Set(listed.items.map((r) => r.taxRateId)),
    );
  });
});

describe('the live promotions card under concurrent promotion changes', () => {
  it('holds exactly the live promotions after creates, edits, disables and ends race', async () => {
    const now = new Date();
    // Confined to a store no order here sells at, so they price no other test's orders.
    const { storeId } = await createStore(admin, storeInput());
    const create = (overrides: Partial<CreatePromotionInput>) =>
      retrying(() => createPromotion(admin, promotionInput({ storeIds: [storeId], ...overrides })));
    const [editable, toDisable, toEnd] = await Promise.all([create({}), create({}), create({})]);
    if (!editable || !toDisable || !toEnd) throw new Error('created three');
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => create({ name: `Race ${i}`, stackable: true, percentOff: 1 })),
      create({ status: 'disabled' }),
      create({ startsAt: hoursFrom(now, 24), endsAt: hoursFrom(now, 48) }),
      retrying(() => updatePromotion(admin, editable.promotionId, { name: 'Edited in a race' }, 1)),
      retrying(() => updatePromotion(admin, toDisable.promotionId, { status: 'disabled' }, 1)),
      retrying(() =>
        updatePromotion(
          admin,
          toEnd.promotionId,
          { startsAt: hoursFrom(now, -3), endsAt: new Date(now.getTime() - 1000).toISOString() },
          1,
        ),
      ),
    ]);
    const live = await loadLivePromotions(new Date());
    expect(await liveCardIds()).toEqual(new Set(live.map((p) => p.promotionId)));
    const card = promotionsCardFrom(await getItem(promotionKeys.liveCard()));
    expect(card?.promotions.find((p) => p.promotionId === editable.promotionId)?.name).toBe(
      'Edited in a race',
    );
    expect(await liveCardIds()).not.toContain(toDisable.promotionId);
    expect(await liveCardIds()).not.toContain(toEnd.promotionId);
    expect((await getPromotion(admin, editable.promotionId)).version).toBe(2);
  });

  it('is rebuilt from gsi1 by the backfill, or by the next change, when a stage has none yet', async () => {
    const { storeId } = await createStore(admin, storeInput());
    const first = await create({ name: 'Before the card', storeIds: [storeId] });
    await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: promotionKeys.liveCard() }));
    expect(await ensureLivePromotionsCard(new Date())).toBe(true);
    expect(await ensureLivePromotionsCard(new Date())).toBe(false);
    expect(await liveCardIds()).toContain(first.promotionId);
    await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: promotionKeys.liveCard() }));
    const second = await create({ name: 'After', storeIds: [storeId] });
    expect(await liveCardIds()).toEqual(
      new Set((await loadLivePromotions(new Date())).map((p) => p.promotionId)),
    );
    expect(await liveCardIds()).toContain(second.promotionId);
  });
});

describe('npm run backfill-pricing-cards', () => {
  it('writes every missing card, from the rates and promotions there are, and is safe to re-run', async () => {
    const [north, south] = [newRegion(), newRegion()];
    const rates = [
      await addRate(north, 'default', 1000, year(2000)),
      await addRate(south, 'default', 800, year(2000)),
    ];
    const { storeId } = await createStore(admin, storeInput());
    const promotion = await create({ storeIds: [storeId] });
    for (const key of [taxRateKeys.card(north), taxRateKeys.card(south), promotionKeys.liveCard()])
      await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: key }));
    const first = await backfillPricingCards();
    expect(first).toMatchObject({ promotionsCardWritten: true });
    expect(first.taxCardsWritten).toBeGreaterThanOrEqual(2);
    expect((await taxCard(north))?.rates.map((r) => r.taxRateId)).toEqual([rates[0]?.taxRateId]);
    expect((await taxCard(south))?.rates.map((r) => r.taxRateId)).toEqual([rates[1]?.taxRateId]);
    expect(await liveCardIds()).toContain(promotion.promotionId);
    expect(await backfillPricingCards()).toMatchObject({ taxCardsWritten: 0, promotionsCardWritten: false });
  });

  it('with --rebuild, rewrites a card that drifted from its items (old code during a deploy)', async () => {
    const region = newRegion();
    const kept = await addRate(region, 'default', 1000, year(2000));
    // As if old code had created a rate without the card.
    const drifted = await taxCard(region);
    const rate = await addRate(region, 'lens-care', 500, year(2001));
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...(await getItem(taxRateKeys.card(region))), rates: drifted?.rates },
      }),
    );
    expect((await taxCard(region))?.rates.map((r) => r.taxRateId)).toEqual([kept.taxRateId]);
    await backfillPricingCards({ rebuild: true });
    expect(new Set((await taxCard(region))?.rates.map((r) => r.taxRateId))).toEqual(
      new Set([kept.taxRateId, rate.taxRateId]),
    );
  });
});

describe('order placement from the cards', () => {
  it('makes two calls on a warm container: one BatchGet, one transaction', async () => {
    const region = newRegion();
    await addRate(region, 'default', 1000, year(2000));
    const store = await createStore(admin, storeInput({ region }));
    const { skus } = await stockedSkus(store.storeId, [10]);
    const sku = skus[0] as string;
    await place(admin, store.storeId, [{ sku, quantity: 1 }]);
    const send = vi.spyOn(documentClient, 'send');
    const order = await place(admin, store.storeId, [{ sku, quantity: 1 }]);
    expect(send.mock.calls.map(([command]) => command.constructor.name)).toEqual([
      'BatchGetCommand',
      'TransactWriteCommand',
    ]);
    expect(order.lines[0]).toMatchObject({ taxRate: 1000 });
  });

  it('checks the customer in the transaction, not with a read: missing or erased is 400 and writes nothing', async () => {
    const store = await createStore(admin, storeInput());
    const { skus } = await stockedSkus(store.storeId, [10]);
    const sku = skus[0] as string;
    const customerId = await newCustomer(5000);
    await eraseCustomer(admin, customerId);
    const noCustomer = { status: 400, errors: [{ path: 'body.customerId' }] };
    for (const extra of [
      { customerId },
      { customerId, pointsToRedeem: 100 },
      { customerId: 'cu_never_was' },
      { customerId: 'cu_never_was', pointsToRedeem: 100 },
    ])
      await expect(place(admin, store.storeId, [{ sku, quantity: 1 }], extra)).rejects.toMatchObject(
        noCustomer,
      );
    expect(await pointsBalance(customerId)).toBe(5000);
    const level = await getItem(inventoryKeys.level(store.storeId, sku));
    expect(level).toMatchObject({ committed: 0 });
    // A live customer short of points still gets the points' own answer.
    const poor = await newCustomer(10);
    await expect(
      place(admin, store.storeId, [{ sku, quantity: 1 }], { customerId: poor, pointsToRedeem: 100 }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('prices without an automatic promotion once its usage limit is reached, instead of failing', async () => {
    const store = await createStore(admin, storeInput());
    const { skus } = await stockedSkus(store.storeId, [10]);
    const sku = skus[0] as string;
    const limited = await create({ storeIds: [store.storeId], usageLimit: 1, percentOff: 20 });
    const first = await place(admin, store.storeId, [{ sku, quantity: 1 }]);
    expect(first.appliedPromotions).toEqual([expect.objectContaining({ promotionId: limited.promotionId })]);
    const second = await placeOrder(
      admin,
      orderInput(store.storeId, [{ sku, quantity: 1 }]),
      idempotencyKey(),
    );
    expect(second.order.appliedPromotions).toEqual([]);
    expect((await getPromotion(admin, limited.promotionId)).usedCount).toBe(1);
  });

  it('stops applying a promotion once it is disabled (the card is rewritten with it)', async () => {
    const store = await createStore(admin, storeInput());
    const { skus } = await stockedSkus(store.storeId, [10]);
    const sku = skus[0] as string;
    const promotion = await create({ storeIds: [store.storeId], percentOff: 15 });
    expect((await place(admin, store.storeId, [{ sku, quantity: 1 }])).appliedPromotions).toHaveLength(1);
    await updatePromotion(admin, promotion.promotionId, { status: 'disabled' }, promotion.version);
    expect((await place(admin, store.storeId, [{ sku, quantity: 1 }])).appliedPromotions).toEqual([]);
  });
});
