import { httpHandler } from '../../lib/http/http-handler.js';
import { refundOrderOnce } from '../../lib/orders/order-refunds.js';
import { orderResponse } from '../../lib/orders/order-response.js';
import { refundOrderRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(refundOrderRoute, async ({ principal, params, body, headers }) =>
  orderResponse(await refundOrderOnce(principal, params.orderId, body, headers['idempotency-key'])),
);
