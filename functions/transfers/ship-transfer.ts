import { httpHandler } from '../../lib/http/http-handler.js';
import { shipTransferRoute } from '../../lib/transfers/transfer-routes.js';
import { shipTransfer } from '../../lib/transfers/transfer-service.js';

export const handler = httpHandler(shipTransferRoute, async ({ principal, params }) => {
  const transfer = await shipTransfer(principal, params.transferId);
  return { status: 200, body: transfer, version: transfer.version };
});
