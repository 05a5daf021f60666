import { httpHandler } from '../../lib/http/http-handler.js';
import { updateSupplierRoute } from '../../lib/suppliers/supplier-routes.js';
import { updateSupplier } from '../../lib/suppliers/supplier-service.js';

export const handler = httpHandler(updateSupplierRoute, async ({ principal, params, body, ifMatch }) => {
  const supplier = await updateSupplier(principal, params.supplierId, body, ifMatch);
  return { status: 200, body: supplier, version: supplier.version };
});
