import { createProductRoute } from '../../lib/catalog/product-routes.js';
import { createProduct } from '../../lib/catalog/product-service.js';
import { productView } from '../../lib/catalog/product-view.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(createProductRoute, async ({ principal, body }) => {
  const product = await createProduct(principal, body);
  return {
    status: 201,
    body: productView(principal, product),
    version: product.version,
    location: `/products/${product.productId}`,
  };
});
