import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../lib/auth/principal.js';
import { ProductView } from '../../../lib/catalog/product-schemas.js';
import type { ProductMatch } from '../../../lib/catalog/product-service.js';
import { productPageView, productView } from '../../../lib/catalog/product-view.js';

const as = (role: Principal['role']): Principal => ({
  userId: `u-${role}`,
  role,
  storeIds: role === 'admin' || role === 'finance' ? 'all' : ['st_a'],
});

const stored: ProductMatch = {
  productId: 'pr_1',
  name: 'Oasys',
  description: '',
  category: 'contact-lenses',
  brand: 'Acuvue',
  status: 'active',
  attributes: {},
  variants: [
    { sku: 'A-1', options: {}, price: 4500, cost: 2000, currency: 'AUD' },
    { sku: 'A-2', status: 'archived', options: {}, price: 4500, cost: 2100, currency: 'AUD' },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  updatedBy: 'test',
  matchedSku: 'A-2',
};

describe('product view', () => {
  it('gives staff no cost, and every variant a status, conforming to the response schema', () => {
    const view = productView(as('staff'), stored);
    expect(view.variants).toEqual([
      { sku: 'A-1', status: 'active', options: {}, price: 4500, currency: 'AUD' },
      { sku: 'A-2', status: 'archived', options: {}, price: 4500, currency: 'AUD' },
    ]);
    expect(view.matchedSku).toBe('A-2');
    expect(ProductView.safeParse(view).success).toBe(true);
    expect(stored.variants[0]).toHaveProperty('cost', 2000);
  });

  it('gives admin, managers and finance the cost, on single products and pages', () => {
    for (const role of ['admin', 'manager', 'finance'] as const) {
      const page = productPageView(as(role), { items: [stored], nextCursor: 'next' });
      expect(page.nextCursor).toBe('next');
      expect(page.items[0]?.variants.map((v) => v.cost)).toEqual([2000, 2100]);
      expect(ProductView.safeParse(page.items[0]).success).toBe(true);
    }
    const staffPage = productPageView(as('staff'), { items: [stored, stored], nextCursor: null });
    expect(staffPage.items.flatMap((p) => p.variants).some((v) => 'cost' in v)).toBe(false);
  });
});
