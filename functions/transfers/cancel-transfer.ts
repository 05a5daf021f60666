import { httpHandler } from '../../lib/http/http-handler.js';
import { cancelTransferRoute } from '../../lib/transfers/transfer-routes.js';
import { cancelTransfer } from '../../lib/transfers/transfer-service.js';

export const handler = httpHandler(cancelTransferRoute, async ({ principal, params }) => {
  const transfer = await cancelTransfer(principal, params.transferId);
  return { status: 200, body: transfer, version: transfer.version };
});
