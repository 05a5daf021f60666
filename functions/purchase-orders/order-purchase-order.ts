import { httpHandler } from '../../lib/http/http-handler.js';
import { orderPurchaseOrderRoute } from '../../lib/purchasing/purchase-order-routes.js';
import { orderPurchaseOrder } from '../../lib/purchasing/purchase-order-service.js';

export const handler = httpHandler(orderPurchaseOrderRoute, async ({ principal, params }) => {
  const po = await orderPurchaseOrder(principal, params.purchaseOrderId);
  return { status: 200, body: po, version: po.version };
});
