import { httpHandler } from '../../lib/http/http-handler.js';
import { listSuppliersRoute } from '../../lib/suppliers/supplier-routes.js';
import { listSuppliers } from '../../lib/suppliers/supplier-service.js';

export const handler = httpHandler(listSuppliersRoute, async ({ query }) => ({
  status: 200,
  body: await listSuppliers(query),
}));
