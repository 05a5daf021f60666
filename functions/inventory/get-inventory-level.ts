import { httpHandler } from '../../lib/http/http-handler.js';
import { getInventoryLevelRoute } from '../../lib/inventory/inventory-routes.js';
import { getInventoryLevel } from '../../lib/inventory/inventory-service.js';

export const handler = httpHandler(getInventoryLevelRoute, async ({ principal, params }) => {
  const level = await getInventoryLevel(principal, params.storeId, params.sku);
  return { status: 200, body: level, ...(level.version > 0 ? { version: level.version } : {}) };
});
