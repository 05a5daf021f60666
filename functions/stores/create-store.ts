import { httpHandler } from '../../lib/http/http-handler.js';
import { createStoreRoute } from '../../lib/stores/store-routes.js';
import { createStore } from '../../lib/stores/store-service.js';

export const handler = httpHandler(createStoreRoute, async ({ principal, body }) => {
  const store = await createStore(principal, body);
  return { status: 201, body: store, version: store.version, location: `/stores/${store.storeId}` };
});
