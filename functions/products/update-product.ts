import { updateProductRoute } from '../../lib/catalog/product-routes.js';
import { updateProduct } from '../../lib/catalog/product-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(updateProductRoute, async ({ principal, params, body, ifMatch }) => {
  const product = await updateProduct(principal, params.productId, body, ifMatch);
  return { status: 200, body: product, version: product.version };
});
