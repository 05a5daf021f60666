import { httpHandler } from '../../lib/http/http-handler.js';
import { getTransferRoute } from '../../lib/transfers/transfer-routes.js';
import { getTransfer } from '../../lib/transfers/transfer-service.js';

export const handler = httpHandler(getTransferRoute, async ({ principal, params }) => {
  const transfer = await getTransfer(principal, params.transferId);
  return { status: 200, body: transfer, version: transfer.version };
});
