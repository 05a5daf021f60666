import { InvalidStateError } from '../db/status-transition.js';

export const ORDER_STATUSES = ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'COMPLETED', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderAction = 'pay' | 'fulfil' | 'complete' | 'cancel' | 'expire' | 'refund';

/**
 * The order state machine: the statuses each action may start from, and where it leads
 * (a payment that leaves money due and a refund keep the status).
 */
export const TRANSITIONS: Record<OrderAction, { from: readonly OrderStatus[]; to?: OrderStatus }> = {
  pay: { from: ['PENDING_PAYMENT'], to: 'PAID' },
  fulfil: { from: ['PAID'], to: 'FULFILLED' },
  complete: { from: ['FULFILLED'], to: 'COMPLETED' },
  cancel: { from: ['PENDING_PAYMENT', 'PAID'], to: 'CANCELLED' },
  /** The expiry job's cancel: never a paid order, so a payment racing it wins or loses cleanly. */
  expire: { from: ['PENDING_PAYMENT'], to: 'CANCELLED' },
  refund: { from: ['FULFILLED', 'COMPLETED'] },
};

export const canApply = (action: OrderAction, status: OrderStatus): boolean =>
  TRANSITIONS[action].from.includes(status);

/** The action is not allowed in the order's current status (409 invalid-state, as for transfers and POs). */
export class InvalidOrderStateError extends InvalidStateError {
  constructor(orderId: string, action: OrderAction, status: string) {
    super(`Order ${orderId}`, status, action, TRANSITIONS[action].from);
  }
}

export const assertCanApply = (orderId: string, action: OrderAction, status: OrderStatus): void => {
  if (!canApply(action, status)) throw new InvalidOrderStateError(orderId, action, status);
};
