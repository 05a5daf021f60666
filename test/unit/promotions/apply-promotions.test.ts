import { describe, expect, it } from 'vitest';
import { applyPromotions, type PricingInput } from '../../../lib/promotions/apply-promotions.js';
import type { PricingLine } from '../../../lib/promotions/pricing-types.js';
import type { Promotion } from '../../../lib/promotions/promotion-schemas.js';
import { line, promotion } from '../../support/customer-fixtures.js';

const NOW = new Date('2025-06-15T10:00:00.000Z');
const context = { storeId: 'st_syd_cbd', channel: 'in_store' as const, now: NOW };

const price = (lines: PricingLine[], promotions: Promotion[], extra: Partial<PricingInput> = {}) =>
  applyPromotions({ lines, context, promotions, ...extra });

const couponFailure = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ status: 400, errors: [{ path: 'body.couponCode' }] });
    return (error as { errors: { message: string }[] }).errors[0]?.message ?? '';
  }
  throw new Error('expected a coupon error');
};

/** Every priced order must add up exactly, in integers, with no line below zero. */
const expectConsistent = (order: ReturnType<typeof applyPromotions>) => {
  for (const l of order.lines) {
    expect(Number.isInteger(l.discount)).toBe(true);
    expect(l.discount).toBeGreaterThanOrEqual(0);
    expect(l.lineTotal).toBe(l.lineSubtotal - l.discount);
    expect(l.lineTotal).toBeGreaterThanOrEqual(0);
  }
  expect(order.discountTotal).toBe(order.lines.reduce((sum, l) => sum + l.discount, 0));
  expect(order.discountTotal).toBe(order.appliedPromotions.reduce((sum, p) => sum + p.amount, 0));
  expect(order.total).toBe(order.subtotal - order.discountTotal);
};

describe('pricing without promotions', () => {
  it('prices lines at unit price × quantity', () => {
    const order = price([line({ unitPrice: 4599, quantity: 3 }), line({ sku: 'B', unitPrice: 995 })], []);
    expect(order).toMatchObject({ currency: 'AUD', subtotal: 14792, discountTotal: 0, total: 14792 });
    expect(order.lines.map((l) => l.lineTotal)).toEqual([13797, 995]);
    expect(order.appliedPromotions).toEqual([]);
  });

  it('refuses mixed currencies and empty orders', () => {
    expect(() => price([line(), line({ sku: 'B', currency: 'NZD' })], [])).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ path: 'body.lines' })] }),
    );
    expect(() => price([], [])).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('eligibility', () => {
  const base = { percentOff: 10 };
  const cases: [string, Partial<Promotion>][] = [
    ['disabled', { status: 'disabled' }],
    ['not started', { startsAt: '2025-06-15T10:00:00.001Z' }],
    ['ended (endsAt is exclusive)', { endsAt: NOW.toISOString() }],
    ['another store', { storeIds: ['st_melb_cbd'] }],
    ['another channel', { channels: ['online'] }],
    ['used up', { usageLimit: 5, usedCount: 5 }],
    ['per-customer limit without a customer', { perCustomerLimit: 1 }],
  ];
  it.each(cases)('skips an automatic promotion that is %s', (_label, overrides) => {
    const order = price([line()], [promotion({ promotionId: 'pm_a', ...base, ...overrides })]);
    expect(order.discountTotal).toBe(0);
  });

  it('applies when store, channel, time and limits all fit', () => {
    const order = price(
      [line()],
      [
        promotion({
          promotionId: 'pm_a',
          storeIds: ['st_parramatta', 'st_syd_cbd'],
          channels: ['in_store', 'online'],
          startsAt: NOW.toISOString(),
          usageLimit: 5,
          usedCount: 4,
        }),
      ],
    );
    expect(order.discountTotal).toBe(100);
    expect(order.appliedPromotions).toEqual([
      { promotionId: 'pm_a', name: 'pm_a', amount: 100, limits: { usageLimit: 5 } },
    ]);
  });

  it('counts a customer’s previous uses against perCustomerLimit', () => {
    const limited = promotion({ promotionId: 'pm_a', perCustomerLimit: 2 });
    const withCustomer = { context: { ...context, customerId: 'cu_1' } };
    expect(
      price([line()], [limited], { ...withCustomer, customerUses: new Map([['pm_a', 1]]) }).discountTotal,
    ).toBe(100);
    expect(
      price([line()], [limited], { ...withCustomer, customerUses: new Map([['pm_a', 2]]) }).discountTotal,
    ).toBe(0);
  });

  it('ignores a coupon promotion unless its code was entered', () => {
    const order = price([line()], [promotion({ promotionId: 'pm_c', couponCode: 'WELCOME10' })]);
    expect(order.discountTotal).toBe(0);
  });

  it('ignores amount promotions in another currency', () => {
    const nzd = promotion({
      promotionId: 'pm_a',
      type: 'fixed_amount',
      percentOff: undefined,
      amountOff: 100,
      currency: 'NZD',
    });
    expect(price([line()], [nzd]).discountTotal).toBe(0);
  });
});

describe('scope', () => {
  const lines = [
    line({ sku: 'LENS-1', category: 'contact-lenses', unitPrice: 5000 }),
    line({ sku: 'CARE-1', category: 'lens-care', unitPrice: 2000 }),
    line({ sku: 'CARE-2', category: 'lens-care', unitPrice: 1000 }),
  ];
  it('limits a promotion to its categories', () => {
    const order = price(lines, [
      promotion({ promotionId: 'pm_a', scope: { appliesTo: 'categories', categories: ['lens-care'] } }),
    ]);
    expect(order.lines.map((l) => l.discount)).toEqual([0, 200, 100]);
  });
  it('limits a promotion to its SKUs', () => {
    const order = price(lines, [
      promotion({ promotionId: 'pm_a', scope: { appliesTo: 'skus', skus: ['CARE-2'] } }),
    ]);
    expect(order.lines.map((l) => l.discount)).toEqual([0, 0, 100]);
  });
});

describe('rounding', () => {
  it('rounds a percentage half up per line', () => {
    // 15% of 1 × 1010 = 151.5 → 152; of 3 × 333 = 999 → 149.85 → 150; 10% of 5 = 0.5 → 1.
    const order = price(
      [
        line({ unitPrice: 1010 }),
        line({ sku: 'B', unitPrice: 333, quantity: 3 }),
        line({ sku: 'C', unitPrice: 5 }),
      ],
      [promotion({ promotionId: 'pm_a', percentOff: 15 })],
    );
    expect(order.lines.map((l) => l.discount)).toEqual([152, 150, 1]);
    expectConsistent(order);
  });

  it('gives 100% off exactly and never goes below zero', () => {
    const order = price(
      [line({ unitPrice: 999, quantity: 7 })],
      [
        promotion({ promotionId: 'pm_a', percentOff: 100 }),
        promotion({ promotionId: 'pm_b', percentOff: 50, stackable: true }),
      ],
    );
    expect(order.total).toBe(0);
    expect(order.appliedPromotions).toEqual([{ promotionId: 'pm_a', name: 'pm_a', amount: 6993 }]);
    expectConsistent(order);
  });

  it('allocates an order-level discount across lines proportionally, leftover cents to the largest line', () => {
    const order = price(
      [line({ unitPrice: 1000 }), line({ sku: 'B', unitPrice: 1000 }), line({ sku: 'C', unitPrice: 2000 })],
      [
        promotion({
          promotionId: 'pm_t',
          type: 'spend_threshold',
          percentOff: undefined,
          minSpend: 3000,
          amountOff: 1001,
          currency: 'AUD',
        }),
      ],
    );
    // Exact shares 250.25, 250.25, 500.5 → floors 250, 250, 500; the 1 left over goes to C.
    expect(order.lines.map((l) => l.discount)).toEqual([250, 250, 501]);
    expect(order.discountTotal).toBe(1001);
    expectConsistent(order);
  });
});

describe('fixed amounts', () => {
  it('takes amountOff from each unit of each eligible line, capped at the unit price', () => {
    const order = price(
      [line({ unitPrice: 2195, quantity: 2 }), line({ sku: 'CLOTH', unitPrice: 395, quantity: 3 })],
      [
        promotion({
          promotionId: 'pm_f',
          type: 'fixed_amount',
          percentOff: undefined,
          amountOff: 500,
          currency: 'AUD',
        }),
      ],
    );
    expect(order.lines.map((l) => l.discount)).toEqual([1000, 1185]);
    expectConsistent(order);
  });
});

describe('combination', () => {
  const tenOff = promotion({ promotionId: 'pm_10' });
  const twentyOff = promotion({ promotionId: 'pm_20', percentOff: 20 });
  const fiveStack = promotion({ promotionId: 'pm_5s', percentOff: 5, stackable: true });

  it('applies only the best non-stackable promotion per line', () => {
    const order = price([line()], [tenOff, twentyOff]);
    expect(order.appliedPromotions.map((p) => [p.promotionId, p.amount])).toEqual([['pm_20', 200]]);
  });

  it('picks the best per line, so different lines can get different promotions', () => {
    const careOnly = promotion({
      promotionId: 'pm_care30',
      percentOff: 30,
      scope: { appliesTo: 'categories', categories: ['lens-care'] },
    });
    const order = price([line(), line({ sku: 'CARE', category: 'lens-care' })], [tenOff, careOnly]);
    expect(order.lines.map((l) => l.discount)).toEqual([100, 300]);
    expect(order.appliedPromotions.map((p) => p.promotionId)).toEqual(['pm_10', 'pm_care30']);
  });

  it('adds stackable promotions on top, each on the line subtotal', () => {
    const order = price([line()], [twentyOff, fiveStack]);
    expect(order.lines[0]?.discount).toBe(250);
    expect(order.appliedPromotions.map((p) => [p.promotionId, p.amount])).toEqual([
      ['pm_20', 200],
      ['pm_5s', 50],
    ]);
  });

  it('applies threshold discounts after line discounts, on what is left', () => {
    const threshold = promotion({
      promotionId: 'pm_t',
      type: 'spend_threshold',
      percentOff: undefined,
      minSpend: 9000,
      amountOff: 1000,
      currency: 'AUD',
    });
    // 10 000 − 20% = 8 000 < 9 000: the threshold is measured after line discounts.
    expect(price([line({ unitPrice: 10000 })], [twentyOff, threshold]).discountTotal).toBe(2000);
    const order = price([line({ unitPrice: 12000 })], [twentyOff, threshold]);
    expect(order.discountTotal).toBe(2400 + 1000);
    expectConsistent(order);
  });

  it('applies only the best non-stackable threshold, plus stackable ones', () => {
    const t = (id: string, minSpend: number, amountOff: number, stackable = false) =>
      promotion({
        promotionId: id,
        type: 'spend_threshold',
        percentOff: undefined,
        minSpend,
        amountOff,
        currency: 'AUD',
        stackable,
      });
    const order = price(
      [line({ unitPrice: 20000 })],
      [t('pm_a', 5000, 500), t('pm_b', 10000, 1500), t('pm_s', 1, 100, true)],
    );
    expect(order.appliedPromotions.map((p) => [p.promotionId, p.amount])).toEqual([
      ['pm_b', 1500],
      ['pm_s', 100],
    ]);
  });

  it('breaks ties deterministically by promotion id', () => {
    const order = price([line()], [promotion({ promotionId: 'pm_b' }), promotion({ promotionId: 'pm_a' })]);
    expect(order.appliedPromotions.map((p) => p.promotionId)).toEqual(['pm_a']);
  });
});

describe('coupons', () => {
  const coupon = promotion({ promotionId: 'pm_c', couponCode: 'WELCOME10', percentOff: 10 });

  it('applies the entered coupon and reports its code', () => {
    const order = price([line()], [coupon], { coupon });
    expect(order.appliedPromotions).toEqual([
      { promotionId: 'pm_c', name: 'pm_c', couponCode: 'WELCOME10', amount: 100 },
    ]);
  });

  it('wins a tie against a non-stackable automatic promotion', () => {
    const automatic = promotion({ promotionId: 'pm_a', percentOff: 10 });
    const order = price([line()], [automatic, coupon], { coupon });
    expect(order.appliedPromotions.map((p) => p.promotionId)).toEqual(['pm_c']);
  });

  it('stacks with automatic promotions when stackable', () => {
    const stackable = { ...coupon, stackable: true };
    const order = price([line()], [promotion({ promotionId: 'pm_a', percentOff: 20 }), stackable], {
      coupon: stackable,
    });
    expect(order.discountTotal).toBe(300);
  });

  it('refuses a coupon that gives nothing because a better offer applies', () => {
    const better = promotion({ promotionId: 'pm_a', percentOff: 30 });
    expect(couponFailure(() => price([line()], [better, coupon], { coupon }))).toMatch(/better offer/);
  });

  it('refuses an out-of-scope coupon', () => {
    const careOnly = { ...coupon, scope: { appliesTo: 'categories' as const, categories: ['lens-care'] } };
    expect(couponFailure(() => price([line()], [careOnly], { coupon: careOnly }))).toMatch(
      /does not apply to any item/,
    );
  });

  it('refuses a threshold coupon below its minimum spend, saying what is needed', () => {
    const spend = promotion({
      promotionId: 'pm_s',
      couponCode: 'SPEND100',
      type: 'spend_threshold',
      percentOff: undefined,
      minSpend: 10000,
      amountOff: 1500,
      currency: 'AUD',
    });
    expect(couponFailure(() => price([line({ unitPrice: 9999 })], [spend], { coupon: spend }))).toMatch(
      /at least 10000.*9999/,
    );
    expect(price([line({ unitPrice: 10000 })], [spend], { coupon: spend }).total).toBe(8500);
  });

  it.each<[string, Partial<Promotion>, RegExp]>([
    ['expired', { endsAt: '2025-06-01T00:00:00.000Z' }, /expired/],
    ['not yet valid', { startsAt: '2025-07-01T00:00:00.000Z' }, /not valid until/],
    ['for another store', { storeIds: ['st_geelong'] }, /store/],
    ['for another channel', { channels: ['online'] }, /in_store/],
    ['used up', { usageLimit: 3, usedCount: 3 }, /used up/],
    ['per customer without a customer', { perCustomerLimit: 1 }, /needs a customer/],
  ])('refuses a coupon that is %s', (_label, overrides, message) => {
    const bad = { ...coupon, ...overrides };
    expect(couponFailure(() => price([line()], [bad], { coupon: bad }))).toMatch(message);
  });

  it('refuses a coupon the customer already used up', () => {
    const once = { ...coupon, perCustomerLimit: 1 };
    const run = () =>
      price([line()], [once], {
        coupon: once,
        context: { ...context, customerId: 'cu_1' },
        customerUses: new Map([['pm_c', 1]]),
      });
    expect(couponFailure(run)).toMatch(/maximum number of times/);
  });
});

describe('randomised orders', () => {
  it('always sum exactly, in integers, with no negative line', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const categories = ['contact-lenses', 'lens-care', 'accessories'];
    for (let run = 0; run < 300; run++) {
      const lines = Array.from({ length: 1 + random(6) }, (_, i) =>
        line({
          sku: `S${i}`,
          category: categories[random(3)] ?? 'x',
          unitPrice: random(30000),
          quantity: 1 + random(5),
        }),
      );
      const promotions = [
        promotion({ promotionId: 'pm_p', percentOff: 1 + random(100), stackable: random(2) === 0 }),
        promotion({
          promotionId: 'pm_f',
          type: 'fixed_amount',
          percentOff: undefined,
          amountOff: 1 + random(5000),
          currency: 'AUD',
          stackable: random(2) === 0,
          scope: { appliesTo: 'categories', categories: ['lens-care'] },
        }),
        promotion({
          promotionId: 'pm_t',
          type: 'spend_threshold',
          percentOff: undefined,
          minSpend: 1 + random(50000),
          amountOff: 1 + random(20000),
          currency: 'AUD',
          stackable: random(2) === 0,
        }),
      ];
      expectConsistent(price(lines, promotions));
    }
  });
});
