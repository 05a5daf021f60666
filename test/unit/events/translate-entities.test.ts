import { describe, expect, it } from 'vitest';
import {
  PUBLISHED_ENTITY_TYPES,
  passesStreamFilter,
  streamFilterPatterns,
} from '../../../lib/events/published-entities.js';
import { translateRecord, UntranslatableRecordError } from '../../../lib/events/translate-record.js';
import { levelItem, orderItem, streamRecord } from '../../support/stream-records.js';

const typesOf = (old: Record<string, unknown> | undefined, now: Record<string, unknown> | undefined) =>
  translateRecord(streamRecord(old, now)).map((event) => event.detailType);
const meta = {
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:15:00.000Z',
  updatedBy: 'user-1',
};

describe('order translation', () => {
  it('publishes Placed on insert with totals, currency, channel and customer', () => {
    const [event] = translateRecord(streamRecord(undefined, orderItem('PENDING_PAYMENT')));
    expect(event?.source).toBe('storefleet.orders');
    expect(event?.detailType).toBe('Order.Placed');
    expect(event?.detail).toMatchObject({
      orderId: 'or_1',
      storeId: 'st_1',
      customerId: 'cu_1',
      channel: 'in_store',
      currency: 'AUD',
      total: 9000,
      amountDue: 9000,
      lines: [{ sku: 'SKU-1', productId: 'pr_1', quantity: 2, netTotal: 9000 }],
    });
  });

  it('publishes the status event of each transition', () => {
    expect(typesOf(orderItem('PENDING_PAYMENT'), orderItem('PAID', {}, 2))).toEqual(['Order.Paid']);
    expect(typesOf(orderItem('PAID'), orderItem('FULFILLED'))).toEqual(['Order.Fulfilled']);
    expect(typesOf(orderItem('FULFILLED'), orderItem('COMPLETED'))).toEqual(['Order.Completed']);
    const [paid] = translateRecord(streamRecord(orderItem('PENDING_PAYMENT'), orderItem('PAID')));
    expect(paid?.detail.previousStatus).toBe('PENDING_PAYMENT');
  });

  it('publishes nothing for a partial payment (status unchanged)', () => {
    expect(typesOf(orderItem('PENDING_PAYMENT'), orderItem('PENDING_PAYMENT', { amountPaid: 100 }))).toEqual(
      [],
    );
  });

  it('tells the expiry job’s cancel (Expired) from a person’s (Cancelled)', () => {
    const expired = orderItem('CANCELLED', {
      cancelReason: 'expired',
      updatedBy: 'system:expire-unpaid-orders',
    });
    expect(typesOf(orderItem('PENDING_PAYMENT'), expired)).toEqual(['Order.Expired']);
    const typedExpired = orderItem('CANCELLED', { cancelReason: 'expired', updatedBy: 'user-2' });
    expect(typesOf(orderItem('PENDING_PAYMENT'), typedExpired)).toEqual(['Order.Cancelled']);
  });

  it('publishes Refunded for a rise in amountRefunded, also with the cancel of a paid order', () => {
    const refunded = translateRecord(
      streamRecord(
        orderItem('COMPLETED'),
        orderItem('COMPLETED', { amountRefunded: 4500, taxRefunded: 409 }),
      ),
    );
    expect(refunded.map((event) => event.detailType)).toEqual(['Order.Refunded']);
    expect(refunded[0]?.detail).toMatchObject({ refundAmount: 4500, amountRefunded: 4500, taxRefunded: 409 });
    expect(
      typesOf(orderItem('PAID'), orderItem('CANCELLED', { amountRefunded: 9000, cancelReason: 'x' })),
    ).toEqual(['Order.Cancelled', 'Order.Refunded']);
  });
});

const transfer = (status: string, extra: Record<string, unknown> = {}) => ({
  pk: 'TRANSFER#tr_1',
  sk: 'TRANSFER',
  entityType: 'Transfer',
  transferId: 'tr_1',
  fromStoreId: 'st_2',
  toStoreId: 'st_1',
  status,
  lines: [{ sku: 'SKU-1', productId: 'pr_1', quantity: 3 }],
  createdBy: 'user-1',
  version: 1,
  ...meta,
  ...extra,
});

const po = (status: string, extra: Record<string, unknown> = {}) => ({
  pk: 'PO#po_1',
  sk: 'PO',
  entityType: 'PurchaseOrder',
  purchaseOrderId: 'po_1',
  supplierId: 'su_1',
  storeId: 'st_1',
  status,
  currency: 'AUD',
  lines: [{ sku: 'SKU-1', productId: 'pr_1', quantity: 10, unitCost: 200, received: 0, lineTotal: 2000 }],
  total: 2000,
  createdBy: 'user-1',
  version: 1,
  ...meta,
  ...extra,
});

describe('transfer and purchase order translation', () => {
  it('publishes one event per transfer status', () => {
    expect(typesOf(undefined, transfer('DRAFT'))).toEqual(['Transfer.Created']);
    expect(typesOf(transfer('DRAFT'), transfer('READY_TO_SHIP'))).toEqual(['Transfer.Ready']);
    expect(typesOf(transfer('READY_TO_SHIP'), transfer('IN_TRANSIT'))).toEqual(['Transfer.Shipped']);
    expect(typesOf(transfer('IN_TRANSIT'), transfer('RECEIVED'))).toEqual(['Transfer.Received']);
    expect(typesOf(transfer('IN_TRANSIT'), transfer('CANCELLED'))).toEqual(['Transfer.Cancelled']);
    expect(typesOf(transfer('DRAFT'), transfer('DRAFT', { note: 'x' }))).toEqual([]);
    const [event] = translateRecord(streamRecord(transfer('DRAFT'), transfer('READY_TO_SHIP')));
    expect(event?.source).toBe('storefleet.transfers');
    expect(event?.detail).toMatchObject({
      transferId: 'tr_1',
      fromStoreId: 'st_2',
      toStoreId: 'st_1',
      previousStatus: 'DRAFT',
    });
  });

  it('publishes one event per purchase order status, and each further partial receipt', () => {
    expect(typesOf(undefined, po('DRAFT'))).toEqual(['PurchaseOrder.Created']);
    expect(typesOf(po('DRAFT'), po('ORDERED'))).toEqual(['PurchaseOrder.Ordered']);
    const first = po('PARTIALLY_RECEIVED', { lastReceivedAt: '2026-03-02T10:00:00.000Z' });
    expect(typesOf(po('ORDERED'), first)).toEqual(['PurchaseOrder.PartiallyReceived']);
    expect(typesOf(first, po('PARTIALLY_RECEIVED', { lastReceivedAt: '2026-03-03T10:00:00.000Z' }))).toEqual([
      'PurchaseOrder.PartiallyReceived',
    ]);
    expect(typesOf(first, po('RECEIVED'))).toEqual(['PurchaseOrder.Received']);
    expect(typesOf(po('RECEIVED'), po('CLOSED'))).toEqual(['PurchaseOrder.Closed']);
    expect(typesOf(po('ORDERED'), po('CANCELLED'))).toEqual(['PurchaseOrder.Cancelled']);
    const [event] = translateRecord(streamRecord(undefined, po('DRAFT')));
    expect(event?.source).toBe('storefleet.purchasing');
    expect(event?.detail.lines).toEqual([
      { sku: 'SKU-1', productId: 'pr_1', quantity: 10, received: 0, unitCost: 200 },
    ]);
  });
});

const product = (extra: Record<string, unknown> = {}) => ({
  pk: 'PRODUCT#pr_1',
  sk: 'PRODUCT',
  entityType: 'Product',
  productId: 'pr_1',
  name: 'Lens',
  description: '',
  category: 'lenses',
  brand: 'Acme',
  status: 'active',
  attributes: {},
  variants: [{ sku: 'SKU-1', options: {}, price: 4500, cost: 2000, currency: 'AUD' }],
  version: 1,
  gsi1pk: 'PRODUCTS',
  gsi1sk: 'active#lens#pr_1',
  ...meta,
  ...extra,
});

describe('product, customer and stocktake translation', () => {
  it('publishes Created, Updated (naming the fields) and Archived, without variant costs', () => {
    const [created] = translateRecord(streamRecord(undefined, product()));
    expect(created?.detailType).toBe('Product.Created');
    expect(created?.detail.variants).toEqual([
      { sku: 'SKU-1', status: 'active', price: 4500, currency: 'AUD' },
    ]);
    const [updated] = translateRecord(
      streamRecord(product(), product({ name: 'Lens 2', gsi1sk: 'x', version: 2 })),
    );
    expect(updated?.detailType).toBe('Product.Updated');
    expect(updated?.detail.changedFields).toEqual(['name']);
    expect(typesOf(product(), product({ status: 'archived' }))).toEqual(['Product.Archived']);
    expect(typesOf(product(), product({ version: 2, updatedAt: '2026-03-03T00:00:00.000Z' }))).toEqual([]);
  });

  it('publishes Customer.Created without personal data, and nothing on updates', () => {
    const customer = {
      pk: 'CUSTOMER#cu_1',
      sk: 'CUSTOMER',
      entityType: 'Customer',
      customerId: 'cu_1',
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@example.com',
      marketingOptIn: false,
      tags: [],
      pointsBalance: 0,
      version: 1,
      ...meta,
    };
    const [event] = translateRecord(streamRecord(undefined, customer));
    expect(event?.detailType).toBe('Customer.Created');
    expect(JSON.stringify(event?.detail)).not.toMatch(/jane|Doe/i);
    expect(typesOf(customer, { ...customer, firstName: 'J' })).toEqual([]);
  });

  it('publishes Stocktake.Submitted when the record is written', () => {
    const stocktake = {
      pk: 'STORE#st_1',
      sk: 'STOCKTAKE#01J',
      entityType: 'Stocktake',
      stocktakeId: '01J',
      storeId: 'st_1',
      at: '2026-03-02T09:15:00.000Z',
      applied: [{ sku: 'SKU-1', expected: 4, counted: 3, variance: -1 }],
      conflicts: [],
      totalVariance: -1,
      actor: 'user-1',
      version: 1,
      ...meta,
    };
    const [event] = translateRecord(streamRecord(undefined, stocktake));
    expect(event).toMatchObject({ source: 'storefleet.inventory', detailType: 'Stocktake.Submitted' });
    expect(event?.detail).toMatchObject({ stocktakeId: '01J', totalVariance: -1 });
  });
});

describe('bookkeeping and bad records', () => {
  it('translates bookkeeping items and REMOVEs into nothing', () => {
    const guard = {
      pk: 'UNIQUE#SKU#X',
      sk: 'UNIQUE',
      entityType: 'UniqueGuard',
      kind: 'SKU',
      value: 'X',
      ownerId: 'p',
    };
    expect(typesOf(undefined, guard)).toEqual([]);
    expect(typesOf(undefined, { pk: 'MOVES#st_1#SKU-1', sk: 'x', entityType: 'InventoryMovement' })).toEqual(
      [],
    );
    expect(typesOf(levelItem({ onHand: 1 }), undefined)).toEqual([]);
  });

  it('filters on the new image’s entity type, dropping REMOVEs, as the mapping’s pattern does', () => {
    expect(streamFilterPatterns()).toEqual([
      {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: { NewImage: { entityType: { S: [...PUBLISHED_ENTITY_TYPES] } } },
      },
    ]);
    expect(passesStreamFilter(streamRecord(undefined, levelItem({ onHand: 1 })))).toBe(true);
    expect(
      passesStreamFilter(streamRecord(undefined, { pk: 'I', sk: 'I', entityType: 'IdempotencyRecord' })),
    ).toBe(false);
    expect(passesStreamFilter(streamRecord(levelItem({ onHand: 1 }), undefined))).toBe(false);
  });

  it('throws UntranslatableRecordError for a published item of the wrong shape', () => {
    const broken = orderItem('PAID', { currency: 'dollars' });
    expect(() => translateRecord(streamRecord(orderItem('PENDING_PAYMENT'), broken))).toThrow(
      UntranslatableRecordError,
    );
    const { updatedBy: _, ...noActor } = orderItem('PENDING_PAYMENT');
    expect(() => translateRecord(streamRecord(undefined, noActor))).toThrow(/actor/);
    const record = streamRecord(orderItem('PENDING_PAYMENT'), orderItem('PAID'));
    delete record.dynamodb?.OldImage;
    expect(() => translateRecord(record)).toThrow(/old image/);
  });
});
