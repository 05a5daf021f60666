import { listProductsRoute } from '../../lib/catalog/product-routes.js';
import { listProducts } from '../../lib/catalog/product-service.js';
import { productPageView } from '../../lib/catalog/product-view.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(listProductsRoute, async ({ principal, query }) => ({
  status: 200,
  body: productPageView(principal, await listProducts(query)),
}));
