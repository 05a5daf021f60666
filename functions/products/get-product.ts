import { getProductRoute } from '../../lib/catalog/product-routes.js';
import { getProduct } from '../../lib/catalog/product-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(getProductRoute, async ({ params }) => {
  const product = await getProduct(params.productId);
  return { status: 200, body: product, version: product.version };
});
