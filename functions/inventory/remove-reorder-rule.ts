import { httpHandler } from '../../lib/http/http-handler.js';
import { removeReorderRuleRoute } from '../../lib/inventory/inventory-routes.js';
import { removeReorderRule } from '../../lib/inventory/inventory-service.js';

export const handler = httpHandler(removeReorderRuleRoute, async ({ principal, params }) => {
  const level = await removeReorderRule(principal, params.storeId, params.sku);
  return { status: 200, body: level, version: level.version };
});
