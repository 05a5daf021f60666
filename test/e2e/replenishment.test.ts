import { beforeAll, describe, expect, it } from 'vitest';
import type { InventoryLevel } from '../../lib/inventory/inventory-schemas.js';
import { api, expectSuccess, rejected, tokenFor } from '../support/e2e-client.js';
import { createProduct, createStore } from '../support/e2e-resources.js';

let admin: string;
let storeA: string;
let storeB: string;
let sku: string;

beforeAll(async () => {
  admin = await tokenFor('admin');
  storeA = (await createStore(admin, { name: 'Replenish A' })).storeId;
  storeB = (await createStore(admin, { name: 'Replenish B' })).storeId;
  sku = (await createProduct(admin)).variants[0]?.sku as string;
});

describe('GET /stores/{storeId}/replenishments', () => {
  it('a reorder rule takes the replenishment policy and autoApprove, with defaults', async () => {
    const path = `/stores/${storeA}/inventory/${sku}/reorder-rule`;
    const set = await api<InventoryLevel>('PUT', path, {
      token: admin,
      body: { reorderPoint: 2, reorderQuantity: 5 },
    });
    expect(expectSuccess(set, 200).reorderRule).toEqual({
      reorderPoint: 2,
      reorderQuantity: 5,
      replenishment: 'transfer_then_purchase',
      autoApprove: false,
    });
    const custom = await api<InventoryLevel>('PUT', path, {
      token: admin,
      body: { reorderPoint: 2, reorderQuantity: 5, replenishment: 'purchase_only', autoApprove: true },
    });
    expect(expectSuccess(custom, 200).reorderRule).toMatchObject({
      replenishment: 'purchase_only',
      autoApprove: true,
    });
    await rejected('PUT', path, 400, {
      token: admin,
      body: { reorderPoint: 2, reorderQuantity: 5, replenishment: 'sometimes' },
    });
  });

  it('lists a store’s replenishments for callers of that store only', async () => {
    const page = expectSuccess(
      await api<{ items: unknown[]; nextCursor: string | null }>('GET', `/stores/${storeA}/replenishments`, {
        token: await tokenFor('staff', [storeA]),
      }),
      200,
    );
    expect(page).toEqual({ items: [], nextCursor: null });
    await rejected('GET', `/stores/${storeA}/replenishments`, 404, {
      token: await tokenFor('staff', [storeB]),
    });
    await rejected('GET', '/stores/st_unknown/replenishments', 404, { token: admin });
    await rejected('GET', `/stores/${storeA}/replenishments?limit=0`, 400, { token: admin });
  });
});
