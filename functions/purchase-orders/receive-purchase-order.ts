import { httpHandler } from '../../lib/http/http-handler.js';
import { receivePurchaseOrderRoute } from '../../lib/purchasing/purchase-order-routes.js';
import { receivePurchaseOrder } from '../../lib/purchasing/purchase-order-service.js';

export const handler = httpHandler(receivePurchaseOrderRoute, async ({ principal, params, body }) => {
  const po = await receivePurchaseOrder(principal, params.purchaseOrderId, body);
  return { status: 200, body: po, version: po.version };
});
