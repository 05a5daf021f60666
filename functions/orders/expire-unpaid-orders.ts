import { expireUnpaidOrders } from '../../lib/orders/order-expiry.js';
import { scheduledHandler } from '../../lib/runtime/scheduled-handler.js';

export const handler = scheduledHandler('expire-unpaid-orders', () => expireUnpaidOrders());
