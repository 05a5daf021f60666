import { httpHandler } from '../../lib/http/http-handler.js';
import { listStoreTransfersRoute } from '../../lib/transfers/transfer-routes.js';
import { listStoreTransfers } from '../../lib/transfers/transfer-service.js';

export const handler = httpHandler(listStoreTransfersRoute, async ({ principal, params, query }) => ({
  status: 200,
  body: await listStoreTransfers(principal, params.storeId, query),
}));
