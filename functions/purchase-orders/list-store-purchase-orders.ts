import { httpHandler } from '../../lib/http/http-handler.js';
import { listStorePurchaseOrdersRoute } from '../../lib/purchasing/purchase-order-routes.js';
import { listStorePurchaseOrders } from '../../lib/purchasing/purchase-order-service.js';

export const handler = httpHandler(listStorePurchaseOrdersRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listStorePurchaseOrders(principal, params.storeId, query),
}));
