import { httpHandler } from '../../lib/http/http-handler.js';
import { cancelOrder } from '../../lib/orders/order-lifecycle.js';
import { cancelOrderRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(cancelOrderRoute, async ({ principal, params, body }) => {
  const order = await cancelOrder(principal, params.orderId, body.reason);
  return { status: 200, body: order, version: order.version };
});
