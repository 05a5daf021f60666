import { updateProductRoute } from '../../lib/catalog/product-routes.js';
import { updateProduct } from '../../lib/catalog/product-service.js';
import { productView } from '../../lib/catalog/product-view.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(updateProductRoute, async ({ principal, params, body, ifMatch }) => {
  const product = await updateProduct(principal, params.productId, body, ifMatch);
  return { status: 200, body: productView(principal, product), version: product.version };
});
