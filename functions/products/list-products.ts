import { listProductsRoute } from '../../lib/catalog/product-routes.js';
import { listProducts } from '../../lib/catalog/product-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(listProductsRoute, async ({ query }) => ({
  status: 200,
  body: await listProducts(query),
}));
