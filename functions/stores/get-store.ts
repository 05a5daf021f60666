import { httpHandler } from '../../lib/http/http-handler.js';
import { getStoreRoute } from '../../lib/stores/store-routes.js';
import { getStore } from '../../lib/stores/store-service.js';

export const handler = httpHandler(getStoreRoute, async ({ principal, params }) => {
  const store = await getStore(principal, params.storeId);
  return { status: 200, body: store, version: store.version };
});
