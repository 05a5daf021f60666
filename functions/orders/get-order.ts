import { httpHandler } from '../../lib/http/http-handler.js';
import { getOrder } from '../../lib/orders/order-queries.js';
import { getOrderRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(getOrderRoute, async ({ principal, params }) => {
  const order = await getOrder(principal, params.orderId);
  return { status: 200, body: order, version: order.version };
});
