import { httpHandler } from '../../lib/http/http-handler.js';
import { completeOrder } from '../../lib/orders/order-lifecycle.js';
import { completeOrderRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(completeOrderRoute, async ({ principal, params }) => {
  const order = await completeOrder(principal, params.orderId);
  return { status: 200, body: order, version: order.version };
});
