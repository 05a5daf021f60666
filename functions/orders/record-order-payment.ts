import { httpHandler } from '../../lib/http/http-handler.js';
import { recordPayment } from '../../lib/orders/order-lifecycle.js';
import { recordPaymentRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(recordPaymentRoute, async ({ principal, params, body }) => {
  const order = await recordPayment(principal, params.orderId, body);
  return { status: 201, body: order, version: order.version, location: `/orders/${order.orderId}` };
});
