import { getPointsRoute } from '../../lib/customers/customer-routes.js';
import { httpHandler } from '../../lib/http/http-handler.js';
import { getPointsStatement } from '../../lib/loyalty/points-service.js';

export const handler = httpHandler(getPointsRoute, async ({ params, query }) => ({
  status: 200,
  body: await getPointsStatement(params.customerId, query),
}));
