import { getProductRoute } from '../../lib/catalog/product-routes.js';
import { getProduct } from '../../lib/catalog/product-service.js';
import { productView } from '../../lib/catalog/product-view.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(getProductRoute, async ({ principal, params }) => {
  const product = await getProduct(params.productId);
  return { status: 200, body: productView(principal, product), version: product.version };
});
