import { describe, expect, it } from 'vitest';
import {
  linesAfter,
  MAX_TRANSFER_LINES,
  nextStatus,
  receivedQuantities,
  stockChangesFor,
  TRANSFER_STATUSES,
  TRANSITIONS,
  type TransferAction,
  type TransferStatus,
} from '../../../lib/transfers/transfer-rules.js';
import { CreateTransferBody, type Transfer } from '../../../lib/transfers/transfer-schemas.js';

const transfer = (status: TransferStatus, shipped = false): Transfer => ({
  transferId: 'tr_1',
  fromStoreId: 'st_a',
  toStoreId: 'st_b',
  status,
  lines: [
    { sku: 'A-1', productId: 'pr_1', quantity: 4, ...(shipped ? { shipped: 4 } : {}) },
    { sku: 'B-1', productId: 'pr_1', quantity: 2, ...(shipped ? { shipped: 2 } : {}) },
  ],
  createdBy: 'u',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 1,
  updatedBy: 'u',
});

const summary = (t: Transfer, action: TransferAction, received?: Map<string, number>) =>
  stockChangesFor(t, action, received).map((c) => [c.storeId, c.sku, c.reason, c.deltas]);

describe('transfer state machine', () => {
  it('allows exactly the documented transitions and names the current status otherwise', () => {
    const allowed: string[] = [];
    for (const status of TRANSFER_STATUSES) {
      for (const action of Object.keys(TRANSITIONS) as TransferAction[]) {
        try {
          allowed.push(`${status} -${action}-> ${nextStatus({ transferId: 'tr_1', status }, action)}`);
        } catch (error) {
          expect(error).toMatchObject({ status: 409, slug: 'invalid-state', currentStatus: status });
        }
      }
    }
    expect(allowed).toEqual([
      'DRAFT -ready-> READY_TO_SHIP',
      'DRAFT -cancel-> CANCELLED',
      'READY_TO_SHIP -ship-> IN_TRANSIT',
      'READY_TO_SHIP -cancel-> CANCELLED',
      'IN_TRANSIT -receive-> RECEIVED',
      'IN_TRANSIT -cancel-> CANCELLED',
    ]);
  });

  it('moves stock per transition and always balances units', () => {
    expect(summary(transfer('DRAFT'), 'ready')).toEqual([
      ['st_a', 'A-1', 'commit', { committed: 4 }],
      ['st_a', 'B-1', 'commit', { committed: 2 }],
    ]);
    expect(summary(transfer('READY_TO_SHIP'), 'ship')[0]).toEqual([
      'st_a',
      'A-1',
      'transfer_out',
      { onHand: -4, committed: -4 },
    ]);
    expect(summary(transfer('READY_TO_SHIP'), 'ship')[1]).toEqual([
      'st_b',
      'A-1',
      'incoming',
      { incoming: 4 },
    ]);
    expect(
      summary(
        transfer('IN_TRANSIT', true),
        'receive',
        new Map([
          ['A-1', 3],
          ['B-1', 2],
        ]),
      ),
    ).toEqual([
      ['st_b', 'A-1', 'transfer_in', { incoming: -4, onHand: 3 }],
      ['st_b', 'B-1', 'transfer_in', { incoming: -2, onHand: 2 }],
    ]);
    expect(summary(transfer('DRAFT'), 'cancel')).toEqual([]);
    expect(summary(transfer('READY_TO_SHIP'), 'cancel')[0]).toEqual([
      'st_a',
      'A-1',
      'release',
      { committed: -4 },
    ]);
    expect(summary(transfer('IN_TRANSIT', true), 'cancel').slice(0, 2)).toEqual([
      ['st_b', 'A-1', 'incoming_cancelled', { incoming: -4 }],
      ['st_a', 'A-1', 'transfer_in', { onHand: 4 }],
    ]);
  });

  it('records shipped, received and shortfall on the lines', () => {
    expect(linesAfter(transfer('READY_TO_SHIP'), 'ship').map((l) => l.shipped)).toEqual([4, 2]);
    const received = linesAfter(
      transfer('IN_TRANSIT', true),
      'receive',
      new Map([
        ['A-1', 1],
        ['B-1', 2],
      ]),
    );
    expect(received.map((l) => [l.received, l.shortfall])).toEqual([
      [1, 3],
      [2, 0],
    ]);
  });

  it('validates receipts: every line, known SKUs, no more than shipped', () => {
    const t = transfer('IN_TRANSIT', true);
    expect([...receivedQuantities(t, undefined)]).toEqual([
      ['A-1', 4],
      ['B-1', 2],
    ]);
    expect(() =>
      receivedQuantities(t, [
        { sku: 'A-1', quantity: 5 },
        { sku: 'B-1', quantity: 0 },
      ]),
    ).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: 'body.lines[0].quantity' })] }),
    );
    expect(() => receivedQuantities(t, [{ sku: 'A-1', quantity: 1 }])).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: 'body.lines' })] }),
    );
    expect(() =>
      receivedQuantities(t, [
        { sku: 'A-1', quantity: 1 },
        { sku: 'B-1', quantity: 1 },
        { sku: 'Z-1', quantity: 1 },
      ]),
    ).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ path: 'body.lines[2].sku' })] }));
  });

  it('caps lines so that the largest transition fits one 100-item transaction', () => {
    expect(MAX_TRANSFER_LINES).toBe(24);
    expect(4 * MAX_TRANSFER_LINES + 3).toBeLessThanOrEqual(100);
    const body = (n: number) => ({
      fromStoreId: 'st_a',
      toStoreId: 'st_b',
      lines: Array.from({ length: n }, (_, i) => ({ sku: `S-${i}`, quantity: 1 })),
    });
    expect(CreateTransferBody.safeParse(body(24)).success).toBe(true);
    const tooMany = CreateTransferBody.safeParse(body(25));
    expect(tooMany.error?.issues[0]).toMatchObject({
      path: ['lines'],
      message: expect.stringContaining('At most 24'),
    });
    const same = CreateTransferBody.safeParse({ ...body(1), toStoreId: 'st_a' });
    expect(same.error?.issues[0]?.path).toEqual(['toStoreId']);
  });
});
