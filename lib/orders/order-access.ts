import type { Principal } from '../auth/principal.js';
import { canAccessStore } from '../auth/store-scope.js';
import { retryOnContention } from '../db/contention.js';
import type { SystemActor } from '../db/item-meta.js';
import { NotFoundError } from '../errors.js';
import { loadOrderDetail } from './order-repository.js';
import type { OrderDetail } from './order-schemas.js';

export type Actor = Principal | SystemActor;

export const isPrincipal = (actor: Actor): actor is Principal => 'role' in actor;

/** System jobs act on every store; people only on theirs. */
export const actorCanAccessStore = (actor: Actor, storeId: string): boolean =>
  !isPrincipal(actor) || canAccessStore(actor, storeId);

/** The order with its payments and refunds; an order of another store is 404, like a missing one. */
export const readOrderFor = async (actor: Actor, orderId: string): Promise<OrderDetail> => {
  const order = await loadOrderDetail(orderId);
  if (!order || !actorCanAccessStore(actor, order.storeId)) {
    throw new NotFoundError({ detail: `Order ${orderId} was not found.` });
  }
  return order;
};

/**
 * Every order change is read → compute → write conditional on the version read. When another
 * change landed in between, run the whole step again on a fresh read (which then either
 * succeeds or fails with the precise reason, e.g. invalid-state or payment-exceeds-due): the
 * shared contention policy, bounded, then 503 with Retry-After.
 */
export const retryOnOrderChange = <T>(step: () => Promise<T>): Promise<T> => retryOnContention(step);

/** Only the order's own fields, for computing the next version of the item. */
export const orderOf = (detail: OrderDetail) => {
  const { payments: _payments, refunds: _refunds, ...order } = detail;
  return order;
};
