import { describe, expect, it } from 'vitest';
import { indexKeyChange } from '../../../infra/local/backfill-index-keys.js';
import { STORAGE_ATTRIBUTES } from '../../../lib/db/item-meta.js';
import { ENTITY, inventoryKeys, LEGACY_LISTING_KEYS, orderKeys } from '../../../lib/db/keys.js';
import {
  indexProjects,
  ORDER_SUMMARY_ATTRIBUTES,
  RETIRED_KEY_ATTRIBUTES,
  TABLE_DEFINITION,
} from '../../../lib/db/table-definition.js';
import { OrderSummarySchema } from '../../../lib/orders/order-schemas.js';

const index = (name: string) => {
  const found = TABLE_DEFINITION.globalSecondaryIndexes.find((gsi) => gsi.indexName === name);
  if (!found) throw new Error(name);
  return found;
};

describe('the table definition', () => {
  it('projects into the order listings exactly what the order summary shows', () => {
    expect([...ORDER_SUMMARY_ATTRIBUTES].sort()).toEqual(Object.keys(OrderSummarySchema.shape).sort());
  });

  it('keeps what moves on every change out of the order listings, so a part payment writes none of them', () => {
    for (const name of ['gsi7', 'gsi8', 'gsi9', 'gsi10'])
      for (const attribute of ['version', 'updatedAt', 'updatedBy', 'amountDue', 'amountPaid', 'lines'])
        expect(indexProjects(index(name), attribute), `${name} ${attribute}`).toBe(false);
    expect(indexProjects(index('gsi7'), 'status')).toBe(true);
    expect(indexProjects(index('gsi9'), 'gsi9pk')).toBe(true);
    expect(indexProjects(index('gsi9'), 'pk')).toBe(true);
    expect(indexProjects(index('gsi1'), 'lines')).toBe(true);
  });

  it('still treats the retired indexes’ keys as storage attributes, never shown', () => {
    for (const attribute of RETIRED_KEY_ATTRIBUTES) expect(STORAGE_ATTRIBUTES).toContain(attribute);
  });
});

describe('the index-key migration of an item', () => {
  const order = {
    ...orderKeys.item('or_1'),
    entityType: ENTITY.order,
    orderId: 'or_1',
    storeId: 'st_1',
    status: 'PAID',
    createdAt: '2026-01-01T00:00:00.000Z',
    customerId: 'cu_1',
    version: 2,
    gsi1pk: 'STORE#st_1#ORDERS#PAID',
    gsi3pk: 'CUSTOMER#cu_1#ORDERS',
  };

  it('sets the keys an order lists by now and removes the legacy ones it carries', () => {
    const change = indexKeyChange(order);
    const keys = orderKeys.listings(order);
    expect(Object.values(change?.names ?? {}).sort()).toEqual(
      [...Object.keys(keys), 'gsi1pk', 'gsi3pk'].sort(),
    );
    expect(Object.values(change?.values ?? {}).sort()).toEqual(Object.values(keys).sort());
    expect(change?.expression).toMatch(/^SET .+ REMOVE #r0, #r1$/);
  });

  it('leaves an item already migrated, and entities it does not know, alone', () => {
    const { gsi1pk: _a, gsi3pk: _b, ...rest } = order;
    expect(indexKeyChange({ ...rest, ...orderKeys.listings(order) })).toBeUndefined();
    expect(indexKeyChange({ entityType: ENTITY.store, gsi1pk: 'STORES' })).toBeUndefined();
  });

  it('moves a level’s product listing from gsi2 to gsi9', () => {
    const change = indexKeyChange({
      ...inventoryKeys.level('st_1', 'SKU-1'),
      entityType: ENTITY.inventoryLevel,
      storeId: 'st_1',
      sku: 'SKU-1',
      productId: 'pr_1',
      gsi2pk: 'INVENTORY#pr_1',
      gsi2sk: 'st_1#SKU-1',
    });
    expect(Object.values(change?.names ?? {}).sort()).toEqual(
      ['gsi9pk', 'gsi9sk', ...LEGACY_LISTING_KEYS.inventoryLevel].sort(),
    );
    expect(change?.values).toEqual({ ':s0': 'INVENTORY#pr_1', ':s1': 'st_1#SKU-1' });
  });
});
