import { randomUUID } from 'node:crypto';
import type { Principal } from '../../lib/auth/principal.js';
import type { CreateCustomerInput } from '../../lib/customers/customer-schemas.js';
import type { PricingLine } from '../../lib/promotions/pricing-types.js';
import type { CreatePromotionInput, Promotion } from '../../lib/promotions/promotion-schemas.js';

/** Builders for customers, promotions and pricing; unique natural keys per call so tests never collide. */
const suffix = (): string => randomUUID().replaceAll('-', '').slice(0, 10);

export const staffOf = (storeId: string): Principal => ({
  userId: 'test-staff',
  role: 'staff',
  storeIds: [storeId],
});

export const customerInput = (overrides: Partial<CreateCustomerInput> = {}): CreateCustomerInput => {
  const id = suffix();
  const n = Number.parseInt(id, 16);
  return {
    firstName: 'Mia',
    lastName: 'Chen',
    email: `mia.${id}@example.com`,
    // Unique per call (phones are unique keys), and never `+61 0…`: that is a national number
    // written after the country code, which the importer (libphonenumber) reads without its
    // trunk 0, so an export → import round trip would not give the same value back.
    phone: `+61${1 + (n % 9)}${String(Math.floor(n / 9) % 1_000_000_000).padStart(9, '0')}`,
    marketingOptIn: false,
    tags: [],
    ...overrides,
  };
};

export const couponCode = (prefix = 'T'): string => `${prefix}${suffix().toUpperCase()}`;

const HOUR = 3_600_000;
export const hoursFrom = (now: Date, hours: number): string =>
  new Date(now.getTime() + hours * HOUR).toISOString();

/** A running promotion for every store and channel: 10% off everything, not stackable. */
export const promotionInput = (
  overrides: Partial<CreatePromotionInput> = {},
  now = new Date(),
): CreatePromotionInput => ({
  name: `Promo ${suffix()}`,
  type: 'percentage',
  percentOff: 10,
  scope: { appliesTo: 'all' },
  startsAt: hoursFrom(now, -1),
  endsAt: hoursFrom(now, 24),
  stackable: false,
  status: 'active',
  ...overrides,
});

/** A stored promotion for the pure pricing rules. */
export const promotion = (overrides: Partial<Promotion> & Pick<Promotion, 'promotionId'>): Promotion => ({
  name: overrides.promotionId,
  type: 'percentage',
  percentOff: 10,
  scope: { appliesTo: 'all' },
  startsAt: '2025-01-01T00:00:00.000Z',
  endsAt: '2026-01-01T00:00:00.000Z',
  stackable: false,
  status: 'active',
  usedCount: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 1,
  updatedBy: 'test',
  ...overrides,
});

export const line = (overrides: Partial<PricingLine> = {}): PricingLine => ({
  sku: 'SKU-A',
  productId: 'pr_a',
  category: 'contact-lenses',
  quantity: 1,
  unitPrice: 1000,
  currency: 'AUD',
  ...overrides,
});
