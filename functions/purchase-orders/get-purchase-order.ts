import { httpHandler } from '../../lib/http/http-handler.js';
import { getPurchaseOrderRoute } from '../../lib/purchasing/purchase-order-routes.js';
import { getPurchaseOrder } from '../../lib/purchasing/purchase-order-service.js';

export const handler = httpHandler(getPurchaseOrderRoute, async ({ principal, params }) => {
  const po = await getPurchaseOrder(principal, params.purchaseOrderId);
  return { status: 200, body: po, version: po.version };
});
