import { httpHandler } from '../../lib/http/http-handler.js';
import { getStocktakeRoute } from '../../lib/inventory/inventory-routes.js';
import { getStocktake } from '../../lib/inventory/stocktake-service.js';

export const handler = httpHandler(getStocktakeRoute, async ({ principal, params }) => ({
  status: 200,
  body: await getStocktake(principal, params.storeId, params.stocktakeId),
}));
