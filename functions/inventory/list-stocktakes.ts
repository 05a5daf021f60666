import { httpHandler } from '../../lib/http/http-handler.js';
import { listStocktakesRoute } from '../../lib/inventory/inventory-routes.js';
import { listStocktakes } from '../../lib/inventory/stocktake-service.js';

export const handler = httpHandler(listStocktakesRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listStocktakes(principal, params.storeId, query),
}));
