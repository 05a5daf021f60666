import { httpHandler } from '../../lib/http/http-handler.js';
import { receiveTransferRoute } from '../../lib/transfers/transfer-routes.js';
import { receiveTransfer } from '../../lib/transfers/transfer-service.js';

export const handler = httpHandler(receiveTransferRoute, async ({ principal, params, body }) => {
  const transfer = await receiveTransfer(principal, params.transferId, body);
  return { status: 200, body: transfer, version: transfer.version };
});
