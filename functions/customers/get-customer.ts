import { getCustomerRoute } from '../../lib/customers/customer-routes.js';
import { getCustomer } from '../../lib/customers/customer-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(getCustomerRoute, async ({ params }) => {
  const customer = await getCustomer(params.customerId);
  return { status: 200, body: customer, version: customer.version };
});
