import { createCustomerRoute } from '../../lib/customers/customer-routes.js';
import { createCustomer } from '../../lib/customers/customer-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(createCustomerRoute, async ({ principal, body }) => {
  const customer = await createCustomer(principal, body);
  return {
    status: 201,
    body: customer,
    version: customer.version,
    location: `/customers/${customer.customerId}`,
  };
});
