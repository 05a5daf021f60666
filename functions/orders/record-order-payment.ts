import { httpHandler } from '../../lib/http/http-handler.js';
import { recordPaymentOnce } from '../../lib/orders/order-lifecycle.js';
import { orderResponse } from '../../lib/orders/order-response.js';
import { recordPaymentRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(recordPaymentRoute, async ({ principal, params, body, headers }) =>
  orderResponse(await recordPaymentOnce(principal, params.orderId, body, headers['idempotency-key'])),
);
