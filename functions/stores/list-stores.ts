import { httpHandler } from '../../lib/http/http-handler.js';
import { listStoresRoute } from '../../lib/stores/store-routes.js';
import { listStores } from '../../lib/stores/store-service.js';

export const handler = httpHandler(listStoresRoute, async ({ principal, query }) => ({
  status: 200,
  body: await listStores(principal, query),
}));
