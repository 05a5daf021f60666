/** The pricing contract shared with orders (see lib/promotions/pricing.ts). All money is integer minor units. */
export interface PricingLine {
  sku: string;
  productId: string;
  category: string;
  quantity: number;
  unitPrice: number;
  currency: string;
}

export interface PricingContext {
  storeId: string;
  channel: 'online' | 'in_store' | 'marketplace';
  customerId?: string;
  couponCode?: string;
  now: Date;
}

export interface PricedLine extends PricingLine {
  lineSubtotal: number;
  discount: number;
  lineTotal: number;
}

/** The limits a use of the promotion counted against, as they were when the order was priced. */
export interface PromotionLimits {
  usageLimit?: number;
  perCustomerLimit?: number;
}

export interface AppliedPromotion {
  promotionId: string;
  name: string;
  couponCode?: string;
  amount: number;
  /**
   * Present only for promotions with a usage or per-customer limit. Keep it with the order as
   * returned: `promotionUsageWrites` counts, and `promotionUsageReleaseWrites` gives back,
   * exactly the limits recorded here, so a cancel releases what the sale consumed.
   */
  limits?: PromotionLimits;
}

export interface PricedOrder {
  currency: string;
  lines: PricedLine[];
  subtotal: number;
  discountTotal: number;
  total: number;
  appliedPromotions: AppliedPromotion[];
}
