import { httpHandler } from '../../lib/http/http-handler.js';
import { updateStoreRoute } from '../../lib/stores/store-routes.js';
import { updateStore } from '../../lib/stores/store-service.js';

export const handler = httpHandler(updateStoreRoute, async ({ principal, params, body, ifMatch }) => {
  const store = await updateStore(principal, params.storeId, body, ifMatch);
  return { status: 200, body: store, version: store.version };
});
