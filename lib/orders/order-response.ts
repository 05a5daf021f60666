import type { HttpResult } from '../http/http-handler.js';
import type { OrderDetail } from './order-schemas.js';

/**
 * The HTTP answer to a change that creates something on an order (placing it, a payment, a
 * refund): 201 with the order, or 200 with `Idempotent-Replayed` when an Idempotency-Key retry
 * was answered with what the first request did.
 */
export const orderResponse = ({
  value,
  replayed,
}: {
  value: OrderDetail;
  replayed: boolean;
}): HttpResult => ({
  status: replayed ? 200 : 201,
  body: value,
  version: value.version,
  location: `/orders/${value.orderId}`,
  ...(replayed ? { headers: { 'idempotent-replayed': 'true' } } : {}),
});
