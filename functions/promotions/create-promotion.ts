import { httpHandler } from '../../lib/http/http-handler.js';
import { createPromotionRoute } from '../../lib/promotions/promotion-routes.js';
import { createPromotion } from '../../lib/promotions/promotion-service.js';

export const handler = httpHandler(createPromotionRoute, async ({ principal, body }) => {
  const promotion = await createPromotion(principal, body);
  return {
    status: 201,
    body: promotion,
    version: promotion.version,
    location: `/promotions/${promotion.promotionId}`,
  };
});
