import { httpHandler } from '../../lib/http/http-handler.js';
import { listMovementsRoute } from '../../lib/inventory/inventory-routes.js';
import { listMovements } from '../../lib/inventory/inventory-service.js';

export const handler = httpHandler(listMovementsRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listMovements(principal, params.storeId, params.sku, query),
}));
