import { expireUnpaidOrders } from '../../lib/orders/order-expiry.js';
import { scheduledHandler } from '../../lib/runtime/scheduled-handler.js';

// Named as in the app definition: its metrics' `job` dimension is what the alarms watch.
export const handler = scheduledHandler('expireUnpaidOrders', () => expireUnpaidOrders());
