import { exportCustomer } from '../../lib/customers/customer-export.js';
import { exportCustomerRoute } from '../../lib/customers/privacy-routes.js';
import { httpHandler } from '../../lib/http/http-handler.js';

export const handler = httpHandler(exportCustomerRoute, async ({ principal, params }) => ({
  status: 200,
  body: await exportCustomer(principal, params.customerId),
  // Personal data: never kept by a browser or a proxy.
  headers: { 'cache-control': 'no-store' },
}));
