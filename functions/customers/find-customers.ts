import { findCustomersRoute } from '../../lib/customers/customer-routes.js';
import { findCustomers } from '../../lib/customers/customer-service.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(findCustomersRoute, async ({ query }) => ({
  status: 200,
  body: await findCustomers(query),
}));
