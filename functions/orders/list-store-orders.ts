import { httpHandler } from '../../lib/http/http-handler.js';
import { listStoreOrders } from '../../lib/orders/order-queries.js';
import { listStoreOrdersRoute } from '../../lib/orders/order-routes.js';

export const handler = httpHandler(listStoreOrdersRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listStoreOrders(principal, params.storeId, query),
}));
