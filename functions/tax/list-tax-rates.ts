import { httpHandler } from '../../lib/http/http-handler.js';
import { listTaxRates } from '../../lib/tax/tax-rate-service.js';
import { listTaxRatesRoute } from '../../lib/tax/tax-routes.js';

export const handler = httpHandler(listTaxRatesRoute, async ({ query }) => ({
  status: 200,
  body: await listTaxRates(query),
}));
