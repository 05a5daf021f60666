import { listStoreAuditRoute } from '../../lib/audit/audit-routes.js';
import { listStoreAudit } from '../../lib/audit/audit-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(listStoreAuditRoute, async ({ params, query }) => ({
  status: 200,
  body: await listStoreAudit(params.storeId, query),
}));
