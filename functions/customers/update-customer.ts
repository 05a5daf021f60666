import { updateCustomerRoute } from '../../lib/customers/customer-routes.js';
import { updateCustomer } from '../../lib/customers/customer-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(updateCustomerRoute, async ({ principal, params, body, ifMatch }) => {
  const customer = await updateCustomer(principal, params.customerId, body, ifMatch);
  return { status: 200, body: customer, version: customer.version };
});
