import { httpHandler } from '../../lib/http/http-handler.js';
import { getPromotionRoute } from '../../lib/promotions/promotion-routes.js';
import { getPromotion } from '../../lib/promotions/promotion-service.js';

export const handler = httpHandler(getPromotionRoute, async ({ principal, params }) => {
  const promotion = await getPromotion(principal, params.promotionId);
  return { status: 200, body: promotion, version: promotion.version };
});
