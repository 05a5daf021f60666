import { httpHandler } from '../../lib/http/http-handler.js';
import { closePurchaseOrderRoute } from '../../lib/purchasing/purchase-order-routes.js';
import { closePurchaseOrder } from '../../lib/purchasing/purchase-order-service.js';

export const handler = httpHandler(closePurchaseOrderRoute, async ({ principal, params }) => {
  const po = await closePurchaseOrder(principal, params.purchaseOrderId);
  return { status: 200, body: po, version: po.version };
});
