import { preferredMediaType } from '../../lib/http/accept-negotiation.js';
import { httpHandler } from '../../lib/http/http-handler.js';
import { getOrderReceipt } from '../../lib/orders/order-receipts.js';
import { getOrderReceiptRoute } from '../../lib/orders/order-routes.js';
import { receiptText } from '../../lib/orders/receipt-text.js';

export const handler = httpHandler(getOrderReceiptRoute, async ({ principal, params, headers }) => {
  const receipt = await getOrderReceipt(principal, params.orderId);
  const vary = { vary: 'accept' };
  return preferredMediaType(headers.accept, ['application/json', 'text/plain']) === 'text/plain'
    ? { status: 200, body: receiptText(receipt), contentType: 'text/plain; charset=utf-8', headers: vary }
    : { status: 200, body: receipt, headers: vary };
});
