import { createdResponse } from '../http/created-response.js';
import type { HttpResult } from '../http/http-handler.js';
import type { OrderDetail } from './order-schemas.js';

/** A create on an order (placing it, a payment, a refund): the order, its ETag and location. */
export const orderResponse = (result: { value: OrderDetail; replayed: boolean }): HttpResult =>
  createdResponse(result, { version: result.value.version, location: `/orders/${result.value.orderId}` });
