import { describe, expect, it } from 'vitest';
import {
  assertCanApply,
  canApply,
  InvalidOrderStateError,
  ORDER_STATUSES,
  type OrderAction,
  type OrderStatus,
} from '../../../lib/orders/order-state.js';

const allowed: Record<OrderAction, OrderStatus[]> = {
  pay: ['PENDING_PAYMENT'],
  fulfil: ['PAID'],
  complete: ['FULFILLED'],
  cancel: ['PENDING_PAYMENT', 'PAID'],
  expire: ['PENDING_PAYMENT'],
  refund: ['FULFILLED', 'COMPLETED'],
};

describe('order state machine', () => {
  it('allows each action from exactly its statuses', () => {
    for (const [action, from] of Object.entries(allowed) as [OrderAction, OrderStatus[]][]) {
      for (const status of ORDER_STATUSES) {
        expect(canApply(action, status), `${action} from ${status}`).toBe(from.includes(status));
      }
    }
  });

  it('never leaves CANCELLED or COMPLETED except to refund a completed order', () => {
    const actions = Object.keys(allowed) as OrderAction[];
    expect(actions.filter((action) => canApply(action, 'CANCELLED'))).toEqual([]);
    expect(actions.filter((action) => canApply(action, 'COMPLETED'))).toEqual(['refund']);
  });

  it('answers a wrong state with 409 invalid-state naming the current status', () => {
    let error: unknown;
    try {
      assertCanApply('or_1', 'fulfil', 'PENDING_PAYMENT');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidOrderStateError);
    expect(error).toMatchObject({
      status: 409,
      slug: 'invalid-state',
      extensions: { currentStatus: 'PENDING_PAYMENT', allowedFrom: ['PAID'] },
    });
    expect((error as Error).message).toContain('PENDING_PAYMENT');
  });
});
