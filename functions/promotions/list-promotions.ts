import { httpHandler } from '../../lib/http/http-handler.js';
import { listPromotionsRoute } from '../../lib/promotions/promotion-routes.js';
import { listPromotions } from '../../lib/promotions/promotion-service.js';

export const handler = httpHandler(listPromotionsRoute, async ({ principal, query }) => ({
  status: 200,
  body: await listPromotions(principal, query),
}));
