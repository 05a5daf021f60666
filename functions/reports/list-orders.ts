import { httpHandler } from '../../lib/http/http-handler.js';
import { listOrders } from '../../lib/reports/cross-store-orders.js';
import { listOrdersRoute } from '../../lib/reports/report-routes.js';

export const handler = httpHandler(listOrdersRoute, async ({ principal, query }) => ({
  status: 200,
  body: await listOrders(principal, query),
}));
