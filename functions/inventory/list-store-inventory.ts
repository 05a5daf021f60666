import { httpHandler } from '../../lib/http/http-handler.js';
import { listStoreInventoryRoute } from '../../lib/inventory/inventory-routes.js';
import { listStoreInventory } from '../../lib/inventory/inventory-service.js';

export const handler = httpHandler(listStoreInventoryRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listStoreInventory(principal, params.storeId, query),
}));
