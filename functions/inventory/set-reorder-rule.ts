import { httpHandler } from '../../lib/http/http-handler.js';
import { setReorderRuleRoute } from '../../lib/inventory/inventory-routes.js';
import { setReorderRule } from '../../lib/inventory/inventory-service.js';

export const handler = httpHandler(setReorderRuleRoute, async ({ principal, params, body }) => {
  const level = await setReorderRule(principal, params.storeId, params.sku, body);
  return { status: 200, body: level, version: level.version };
});
