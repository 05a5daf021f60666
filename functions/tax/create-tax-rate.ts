import { httpHandler } from '../../lib/http/http-handler.js';
import { createTaxRate } from '../../lib/tax/tax-rate-service.js';
import { createTaxRateRoute } from '../../lib/tax/tax-routes.js';

export const handler = httpHandler(createTaxRateRoute, async ({ principal, body }) => {
  const rate = await createTaxRate(principal, body);
  return { status: 201, body: rate, version: rate.version, location: `/tax-rates/${rate.taxRateId}` };
});
