import { adjustPointsRoute } from '../../lib/customers/customer-routes.js';
import { createdResponse } from '../../lib/http/created-response.js';
import { httpHandler } from '../../lib/http/http-handler.js';
import { adjustPoints } from '../../lib/loyalty/points-service.js';

export const handler = httpHandler(adjustPointsRoute, async ({ principal, params, body, headers }) => {
  const { adjustment, replayed } = await adjustPoints(
    principal,
    params.customerId,
    body,
    headers['idempotency-key'],
  );
  return createdResponse({ value: adjustment, replayed });
});
