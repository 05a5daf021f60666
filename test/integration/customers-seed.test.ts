import { describe, expect, it } from 'vitest';
import { SEED_ACTOR, seedDemoData } from '../../infra/local/seed.js';
import {
  DEMO_CUSTOMER_IDS,
  DEMO_FEEDBACK_IDS,
  DEMO_PROMOTION_IDS,
  seedCustomers,
} from '../../infra/local/seed-customers.js';
import { findCustomers, getCustomer } from '../../lib/customers/customer-service.js';
import { listFeedback } from '../../lib/customers/feedback-service.js';
import { getPointsStatement } from '../../lib/loyalty/points-service.js';
import { priceOrder } from '../../lib/promotions/pricing.js';
import { getPromotion } from '../../lib/promotions/promotion-service.js';
import { line } from '../support/customer-fixtures.js';
import { admin } from '../support/fixtures.js';

describe('demo customers and promotions seed', () => {
  it('is part of the demo seed, through the services; running it again writes nothing', async () => {
    await seedDemoData();
    expect(await seedCustomers(SEED_ACTOR)).toEqual({
      created: false,
      customers: 4,
      feedback: 3,
      promotions: 3,
    });
    for (const id of DEMO_CUSTOMER_IDS)
      expect(await getCustomer(id)).toMatchObject({ version: 1, updatedBy: 'system:seed' });
    for (const id of DEMO_PROMOTION_IDS) expect((await getPromotion(admin, id)).phase).toBe('running');
  });

  it('has a contact-lens wearer with a prescription, points and open and resolved feedback', async () => {
    const mia = (await findCustomers({ email: 'Mia.Chen@example.com' })).items[0];
    expect(mia).toMatchObject({
      customerId: 'cu_mia_chen',
      pointsBalance: 1250,
      prescription: { baseCurve: 8.4 },
    });
    const statement = await getPointsStatement('cu_mia_chen', { limit: 10 });
    expect(statement.entries.reduce((sum, entry) => sum + entry.delta, 0)).toBe(statement.balance);
    const feedback = await listFeedback('cu_mia_chen', { limit: 10 });
    expect(feedback.items.map((f) => [f.feedbackId, f.status])).toEqual([
      [DEMO_FEEDBACK_IDS[0], 'open'],
      [DEMO_FEEDBACK_IDS[1], 'resolved'],
    ]);
  });

  it('prices with the automatic NSW lens-care promotion and the WELCOME10 coupon', async () => {
    const lines = [
      line({ sku: 'ALC-OFPM-300', category: 'lens-care', unitPrice: 2195 }),
      line({ sku: 'ACU-OAS-2W', category: 'contact-lenses', unitPrice: 5000 }),
    ];
    const context = { storeId: 'st_syd_cbd', channel: 'in_store' as const, now: new Date() };
    const automatic = await priceOrder(lines, context);
    expect(automatic.appliedPromotions).toEqual([
      expect.objectContaining({ promotionId: 'pm_nsw_lens_care', amount: 220 }),
    ]);
    const inVictoria = await priceOrder(lines, { ...context, storeId: 'st_melb_cbd' });
    expect(inVictoria.discountTotal).toBe(0);
    const withCoupon = await priceOrder(lines, { ...context, couponCode: 'welcome10' });
    expect(withCoupon.appliedPromotions).toEqual([
      expect.objectContaining({
        promotionId: 'pm_welcome10',
        couponCode: 'WELCOME10',
        amount: 720,
        limits: { usageLimit: 10_000 },
      }),
    ]);
  });
});
