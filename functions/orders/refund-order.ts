import { httpHandler } from '../../lib/http/http-handler.js';
import { refundOrder } from '../../lib/orders/order-refunds.js';
import { refundOrderRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(refundOrderRoute, async ({ principal, params, body }) => {
  const order = await refundOrder(principal, params.orderId, body);
  return { status: 201, body: order, version: order.version, location: `/orders/${order.orderId}` };
});
