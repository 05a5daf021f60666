import { httpHandler } from '../../lib/http/http-handler.js';
import { cancelPurchaseOrderRoute } from '../../lib/purchasing/purchase-order-routes.js';
import { cancelPurchaseOrder } from '../../lib/purchasing/purchase-order-service.js';

export const handler = httpHandler(cancelPurchaseOrderRoute, async ({ principal, params }) => {
  const po = await cancelPurchaseOrder(principal, params.purchaseOrderId);
  return { status: 200, body: po, version: po.version };
});
