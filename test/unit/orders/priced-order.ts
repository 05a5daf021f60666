import type { PricedOrder } from '../../../lib/promotions/pricing.js';

/**
 * A priced two-line order for pure tests. Line A: 2 × 20.00 with a 10% promotion (−4.00) =
 * 36.00; line B: 1 × 10.00. Both lens care.
 */
export const pricedOrder: PricedOrder = {
  currency: 'AUD',
  lines: [
    {
      sku: 'A',
      productId: 'pr_a',
      category: 'lens-care',
      quantity: 2,
      unitPrice: 2000,
      currency: 'AUD',
      lineSubtotal: 4000,
      discount: 400,
      lineTotal: 3600,
    },
    {
      sku: 'B',
      productId: 'pr_b',
      category: 'lens-care',
      quantity: 1,
      unitPrice: 1000,
      currency: 'AUD',
      lineSubtotal: 1000,
      discount: 0,
      lineTotal: 1000,
    },
  ],
  subtotal: 5000,
  discountTotal: 400,
  total: 4600,
  appliedPromotions: [{ promotionId: 'pm_1', name: '10% lens care', amount: 400, limits: { usageLimit: 5 } }],
};
