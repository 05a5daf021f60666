import { randomUUID } from 'node:crypto';
import type { Principal } from '../../lib/auth/principal.js';
import type { CreateProductInput } from '../../lib/catalog/product-schemas.js';
import type { CreateStoreInput } from '../../lib/stores/store-schemas.js';

/** Test data builders: unique natural keys per call so tests never collide. */
export const uniqueSuffix = (): string => randomUUID().slice(0, 8).toUpperCase();

export const admin: Principal = { userId: 'test-admin', role: 'admin', storeIds: 'all' };
export const managerOf = (...storeIds: string[]): Principal => ({
  userId: 'test-manager',
  role: 'manager',
  storeIds,
});

export const storeInput = (overrides: Partial<CreateStoreInput> = {}): CreateStoreInput => ({
  code: `T-${uniqueSuffix()}`,
  name: 'Test Store',
  address: { line1: '1 Test St', city: 'Sydney', postcode: '2000', country: 'AU' },
  region: 'nsw',
  channels: ['in_store'],
  timezone: 'Australia/Sydney',
  status: 'active',
  ...overrides,
});

export const productInput = (overrides: Partial<CreateProductInput> = {}): CreateProductInput => {
  const suffix = uniqueSuffix();
  return {
    name: `Daily lens ${suffix}`,
    description: '',
    category: 'contact-lenses',
    brand: 'Acme',
    status: 'active',
    attributes: { baseCurve: 8.5, diameter: 14.2, replacementSchedule: 'daily' },
    variants: [
      { sku: `SKU-${suffix}-1`, options: { power: '-1.00' }, price: 4500, cost: 2000, currency: 'AUD' },
      { sku: `SKU-${suffix}-2`, options: { power: '-1.25' }, price: 4500, cost: 2000, currency: 'AUD' },
    ],
    ...overrides,
  };
};
