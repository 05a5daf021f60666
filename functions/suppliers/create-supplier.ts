import { httpHandler } from '../../lib/http/http-handler.js';
import { createSupplierRoute } from '../../lib/suppliers/supplier-routes.js';
import { createSupplier } from '../../lib/suppliers/supplier-service.js';

export const handler = httpHandler(createSupplierRoute, async ({ principal, body }) => {
  const supplier = await createSupplier(principal, body);
  return {
    status: 201,
    body: supplier,
    version: supplier.version,
    location: `/suppliers/${supplier.supplierId}`,
  };
});
