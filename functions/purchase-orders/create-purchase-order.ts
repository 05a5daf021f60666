import { httpHandler } from '../../lib/http/http-handler.js';
import { createPurchaseOrderRoute } from '../../lib/purchasing/purchase-order-routes.js';
import { createPurchaseOrder } from '../../lib/purchasing/purchase-order-service.js';

export const handler = httpHandler(createPurchaseOrderRoute, async ({ principal, body }) => {
  const po = await createPurchaseOrder(principal, body);
  return {
    status: 201,
    body: po,
    version: po.version,
    location: `/purchase-orders/${po.purchaseOrderId}`,
  };
});
