import type { Principal } from '../auth/principal.js';
import { NotFoundError } from '../errors.js';
import { findStore } from '../stores/store-repository.js';
import { readOrderFor } from './order-access.js';
import { buildReceipt } from './receipt.js';
import type { Receipt } from './receipt-schemas.js';

/** The receipt of a paid order in the caller's stores; an unpaid order has none yet (404). */
export const getOrderReceipt = async (principal: Principal, orderId: string): Promise<Receipt> => {
  const order = await readOrderFor(principal, orderId);
  const { receiptNumber, paidAt } = order;
  if (!receiptNumber || !paidAt)
    throw new NotFoundError({
      detail: `Order ${orderId} has no receipt: receipts are issued when an order is paid.`,
    });
  const store = await findStore(order.storeId);
  if (!store) throw new NotFoundError({ detail: `Store ${order.storeId} was not found.` });
  return buildReceipt({ ...order, receiptNumber, paidAt }, store);
};
