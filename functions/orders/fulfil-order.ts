import { httpHandler } from '../../lib/http/http-handler.js';
import { fulfilOrder } from '../../lib/orders/order-lifecycle.js';
import { fulfilOrderRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(fulfilOrderRoute, async ({ principal, params, body }) => {
  const order = await fulfilOrder(principal, params.orderId, body);
  return { status: 200, body: order, version: order.version };
});
