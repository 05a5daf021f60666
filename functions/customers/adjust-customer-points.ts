import { adjustPointsRoute } from '../../lib/customers/customer-routes.js';
import { httpHandler } from '../../lib/http/http-handler.js';
import { adjustPoints } from '../../lib/loyalty/points-service.js';

export const handler = httpHandler(adjustPointsRoute, async ({ principal, params, body, headers }) => {
  const { adjustment, replayed } = await adjustPoints(
    principal,
    params.customerId,
    body,
    headers['idempotency-key'],
  );
  return {
    status: replayed ? 200 : 201,
    body: adjustment,
    ...(replayed ? { headers: { 'idempotent-replayed': 'true' } } : {}),
  };
});
