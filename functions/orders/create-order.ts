import { httpHandler } from '../../lib/http/http-handler.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { orderResponse } from '../../lib/orders/order-response.js';
import { createOrderRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(createOrderRoute, async ({ principal, body, headers }) => {
  const { order, replayed } = await placeOrder(principal, body, headers['idempotency-key']);
  return orderResponse({ value: order, replayed });
});
