import { httpHandler } from '../../lib/http/http-handler.js';
import { submitStocktakeRoute } from '../../lib/inventory/inventory-routes.js';
import { submitStocktake } from '../../lib/inventory/stocktake-service.js';

export const handler = httpHandler(submitStocktakeRoute, async ({ principal, params, body }) => ({
  status: 201,
  body: await submitStocktake(principal, params.storeId, body),
}));
