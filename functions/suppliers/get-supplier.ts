import { httpHandler } from '../../lib/http/http-handler.js';
import { getSupplierRoute } from '../../lib/suppliers/supplier-routes.js';
import { getSupplier } from '../../lib/suppliers/supplier-service.js';

export const handler = httpHandler(getSupplierRoute, async ({ params }) => {
  const supplier = await getSupplier(params.supplierId);
  return { status: 200, body: supplier, version: supplier.version };
});
