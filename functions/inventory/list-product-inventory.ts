import { httpHandler } from '../../lib/http/http-handler.js';
import { listProductInventoryRoute } from '../../lib/inventory/inventory-routes.js';
import { listProductInventory } from '../../lib/inventory/inventory-service.js';

export const handler = httpHandler(listProductInventoryRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listProductInventory(principal, params.productId, query),
}));
