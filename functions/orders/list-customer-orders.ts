import { httpHandler } from '../../lib/http/http-handler.js';
import { listCustomerOrders } from '../../lib/orders/order-queries.js';
import { listCustomerOrdersRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(listCustomerOrdersRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listCustomerOrders(principal, params.customerId, query),
}));
