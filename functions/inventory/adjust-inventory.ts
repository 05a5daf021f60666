import { httpHandler } from '../../lib/http/http-handler.js';
import { adjustInventoryRoute } from '../../lib/inventory/inventory-routes.js';
import { adjustInventory } from '../../lib/inventory/inventory-service.js';

export const handler = httpHandler(adjustInventoryRoute, async ({ principal, params, body }) => {
  const result = await adjustInventory(principal, params.storeId, params.sku, body);
  return { status: 201, body: result, version: result.level.version };
});
