import { httpHandler } from '../../lib/http/http-handler.js';
import { getTaxRate } from '../../lib/tax/tax-rate-service.js';
import { getTaxRateRoute } from '../../lib/tax/tax-routes.js';

export const handler = httpHandler(getTaxRateRoute, async ({ params }) => {
  const rate = await getTaxRate(params.taxRateId);
  return { status: 200, body: rate, version: rate.version };
});
