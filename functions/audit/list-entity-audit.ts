import { listEntityAuditRoute } from '../../lib/audit/audit-routes.js';
import { listEntityAudit } from '../../lib/audit/audit-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(listEntityAuditRoute, async ({ principal, query }) => ({
  status: 200,
  body: await listEntityAudit(principal, query),
}));
