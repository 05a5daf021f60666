import { describe, expect, it } from 'vitest';
import { auditEntriesOf, auditEntryOf, TTL_ACTOR } from '../../../lib/audit/audit-entry.js';
import { auditItemKeys, auditItemsOf, MAX_CHANGES_BYTES } from '../../../lib/audit/audit-item.js';
import {
  AUDIT_RETENTION_DAYS_ENV,
  auditExpiry,
  auditRetentionDays,
  DEFAULT_AUDIT_RETENTION_DAYS,
} from '../../../lib/audit/audit-retention.js';
import { AUDITED_ENTITY_TYPES, entityIdOf, storeIdsOfChange } from '../../../lib/audit/audit-subject.js';
import { ENTITY } from '../../../lib/db/keys.js';
import { levelItem, orderItem, streamRecord } from '../../support/stream-records.js';

const AT = new Date(1_772_442_900 * 1000).toISOString();

describe('auditEntryOf', () => {
  it('records who, when, the operation and the changed fields of a modification', () => {
    const record = streamRecord(
      levelItem({ onHand: 10 }),
      { ...levelItem({ onHand: 7 }), updatedBy: 'staff-1' },
      'ev-1',
    );
    expect(auditEntryOf(record)).toEqual({
      entryId: 'ev-1',
      entityType: 'InventoryLevel',
      entityId: 'st_1:SKU-1',
      operation: 'updated',
      actor: 'staff-1',
      at: AT,
      storeIds: ['st_1'],
      changes: [
        { field: 'available', before: 10, after: 7 },
        { field: 'onHand', before: 10, after: 7 },
      ],
      sequenceNumber: record.dynamodb?.SequenceNumber,
    });
  });

  it('dates a change by the item’s own time of it, else by the stream record', () => {
    const before = levelItem({ onHand: 10 });
    const after = { ...levelItem({ onHand: 9 }), updatedAt: '2026-03-02T10:00:00.123Z' };
    expect(auditEntryOf(streamRecord(before, after))?.at).toBe('2026-03-02T10:00:00.123Z');
    const counterOnly = { ...before, pointsBalance: 5 }; // updatedAt untouched: the record's time
    expect(auditEntryOf(streamRecord(before, counterOnly))?.at).toBe(AT);
    const movement = {
      pk: 'MOVES#st_1#S',
      sk: 'x',
      entityType: 'InventoryMovement',
      movementId: 'm1',
      at: '2026-03-02T08:00:00.000Z',
    };
    expect(auditEntryOf(streamRecord(undefined, movement))?.at).toBe('2026-03-02T08:00:00.000Z');
    expect(auditEntryOf(streamRecord(movement, undefined))?.at).toBe(AT);
  });

  it('writes no entry for a modification of bookkeeping only, nor for non-business items', () => {
    const level = levelItem({ onHand: 10 });
    expect(
      auditEntryOf(streamRecord(level, { ...level, version: 3, updatedAt: '2026-03-03T00:00:00.000Z' })),
    ).toBe(undefined);
    const guard = { pk: 'UNIQUE#SKU#SKU-1', sk: 'UNIQUE', entityType: 'UniqueGuard', ownerId: 'pr_1' };
    expect(auditEntryOf(streamRecord(undefined, guard))).toBe(undefined);
    const audit = { pk: 'AUDIT#ENTITY#Order#or_1', sk: 'x', entityType: ENTITY.auditEntry };
    expect(auditEntryOf(streamRecord(undefined, audit))).toBe(undefined);
  });

  it('attributes a ledger entry to its actor, a payment to its creator, a deletion by TTL to the service', () => {
    const movement = {
      pk: 'MOVES#st_1#SKU-1',
      sk: '2026-03-02T09:15:00.000Z#01J',
      entityType: 'InventoryMovement',
      movementId: '01J',
      storeId: 'st_1',
      sku: 'SKU-1',
      onHandDelta: -3,
      actor: 'staff-2',
    };
    expect(auditEntryOf(streamRecord(undefined, movement))).toMatchObject({
      operation: 'created',
      entityId: '01J',
      actor: 'staff-2',
    });
    const removed = {
      ...streamRecord(movement, undefined),
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
    };
    expect(auditEntryOf(removed)).toMatchObject({ operation: 'deleted', actor: TTL_ACTOR });
    const bare = {
      pk: 'SUPPLIER#su_1',
      sk: 'SUPPLIER',
      entityType: 'Supplier',
      supplierId: 'su_1',
      name: 'Acme',
    };
    expect(auditEntryOf(streamRecord(undefined, bare))).toMatchObject({ actor: 'system', storeIds: [] });
  });

  it('places a payment in its order’s store when the order changed in the same batch', () => {
    const payment = {
      pk: 'ORDER#or_1',
      sk: 'PAYMENT#2026-03-02T09:15:00.000Z#pa_1',
      entityType: 'Payment',
      paymentId: 'pa_1',
      orderId: 'or_1',
      method: 'card',
      amount: 9000,
      createdBy: 'staff-1',
    };
    const entries = auditEntriesOf([
      streamRecord(undefined, payment),
      streamRecord(orderItem('PENDING_PAYMENT'), orderItem('PAID', {}, 2)),
    ]);
    expect(entries.map((entry) => [entry.entityType, entry.entityId, entry.storeIds, entry.orderId])).toEqual(
      [
        ['Payment', 'pa_1', ['st_1'], 'or_1'],
        ['Order', 'or_1', ['st_1'], undefined],
      ],
    );
    expect(auditEntriesOf([streamRecord(undefined, payment)])[0]).toMatchObject({
      storeIds: [],
      orderId: 'or_1',
    });
  });

  it('keeps personal data of a customer out of the entry, naming the fields', () => {
    const customer = {
      pk: 'CUSTOMER#cu_1',
      sk: 'CUSTOMER',
      entityType: 'Customer',
      customerId: 'cu_1',
      firstName: 'Ann',
      email: 'ann@example.com',
      phone: '+61400000000',
      pointsBalance: 0,
    };
    const entry = auditEntryOf(streamRecord(undefined, customer));
    expect(entry?.changes).toEqual([
      { field: 'customerId', after: 'cu_1' },
      { field: 'email', personal: true },
      { field: 'firstName', personal: true },
      { field: 'phone', personal: true },
      { field: 'pointsBalance', after: 0 },
    ]);
    const stored = JSON.stringify(auditItemsOf(entry ?? ({} as never), 400));
    for (const value of ['Ann', 'ann@example.com', '+61400000000']) expect(stored).not.toContain(value);
  });
});

describe('audit subjects', () => {
  it('gives every audited entity type an id from its own attribute', () => {
    expect(AUDITED_ENTITY_TYPES).toContain(ENTITY.user);
    expect(AUDITED_ENTITY_TYPES).not.toContain(ENTITY.auditEntry);
    expect(entityIdOf(ENTITY.user, { username: 'ann' })).toBe('ann');
    expect(entityIdOf(ENTITY.pointsEntry, { entryId: 'pe_1' })).toBe('pe_1');
    expect(entityIdOf(ENTITY.taxRate, { taxRateId: 'tx_1' })).toBe('tx_1');
    expect(entityIdOf(ENTITY.product, { pk: 'PRODUCT#x', sk: 'PRODUCT' })).toBe('PRODUCT#x|PRODUCT');
  });

  it('gives a change the stores of both images: both sides of a transfer, a user moved between stores', () => {
    expect(storeIdsOfChange(null, { fromStoreId: 'st_2', toStoreId: 'st_1' })).toEqual(['st_1', 'st_2']);
    expect(
      storeIdsOfChange({ username: 'u', stores: ['st_1'] }, { username: 'u', stores: ['st_3'] }),
    ).toEqual(['st_1', 'st_3']);
    expect(storeIdsOfChange(null, { productId: 'pr_1' })).toEqual([]);
  });
});

describe('audit items', () => {
  const entry = auditEntryOf(
    streamRecord(
      undefined,
      {
        pk: 'TRANSFER#tr_1',
        sk: 'TRANSFER',
        entityType: 'Transfer',
        transferId: 'tr_1',
        fromStoreId: 'st_1',
        toStoreId: 'st_2',
        status: 'DRAFT',
      },
      'ev-9',
    ),
  );
  if (!entry) throw new Error('no entry');

  it('are keyed under AUDIT# only: the entity’s partition and each store’s, time-ordered, named by the record', () => {
    const keys = auditItemKeys(entry);
    expect(keys.map((key) => key.pk)).toEqual([
      'AUDIT#ENTITY#Transfer#tr_1',
      'AUDIT#STORE#st_1',
      'AUDIT#STORE#st_2',
    ]);
    for (const key of keys) {
      expect(key.pk.startsWith('AUDIT#')).toBe(true);
      expect(key.sk).toMatch(new RegExp(`^${AT}#\\d{40}#ev-9$`));
    }
    expect(auditItemKeys(entry)).toEqual(keys);
  });

  it('carry a TTL of the entry’s time plus the retention, the same on every redelivery', () => {
    const [item] = auditItemsOf(entry, 400);
    expect(item).toMatchObject({ entityType: 'AuditEntry', auditedType: 'Transfer', auditedId: 'tr_1' });
    expect(item?.ttl).toBe(1_772_442_900 + 400 * 86_400);
    expect(auditExpiry(AT, 1)).toBe(1_772_442_900 + 86_400);
  });

  it('keep field names but drop values too large for an item', () => {
    const huge = {
      ...entry,
      changes: [
        { field: 'lines', after: 'x'.repeat(MAX_CHANGES_BYTES) },
        { field: 'email', personal: true as const },
      ],
    };
    expect(auditItemsOf(huge, 400)[0]?.changes).toEqual([
      { field: 'lines', truncated: true },
      { field: 'email', personal: true },
    ]);
  });
});

describe('auditRetentionDays', () => {
  it('defaults to 400 days and refuses anything but whole days from 1 to 3650', () => {
    expect(DEFAULT_AUDIT_RETENTION_DAYS).toBe(400);
    expect(auditRetentionDays(undefined)).toBe(400);
    expect(auditRetentionDays('30')).toBe(30);
    for (const bad of ['0', '-1', '1.5', 'forever', '3651'])
      expect(() => auditRetentionDays(bad)).toThrow(AUDIT_RETENTION_DAYS_ENV);
  });
});
