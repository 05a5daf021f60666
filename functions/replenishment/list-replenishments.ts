import { httpHandler } from '../../lib/http/http-handler.js';
import { listStoreReplenishmentsRoute } from '../../lib/replenishment/replenishment-routes.js';
import { listStoreReplenishments } from '../../lib/replenishment/replenishment-service.js';

export const handler = httpHandler(listStoreReplenishmentsRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listStoreReplenishments(principal, params.storeId, query),
}));
