import { eraseCustomer } from '../../lib/customers/customer-erasure.js';
import { eraseCustomerRoute } from '../../lib/customers/privacy-routes.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(eraseCustomerRoute, async ({ principal, params }) => ({
  status: 200,
  body: await eraseCustomer(principal, params.customerId),
}));
