import { httpHandler } from '../../lib/http/http-handler.js';
import { updatePromotionRoute } from '../../lib/promotions/promotion-routes.js';
import { updatePromotion } from '../../lib/promotions/promotion-service.js';

export const handler = httpHandler(updatePromotionRoute, async ({ principal, params, body, ifMatch }) => {
  const promotion = await updatePromotion(principal, params.promotionId, body, ifMatch);
  return { status: 200, body: promotion, version: promotion.version };
});
