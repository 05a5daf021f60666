import { httpHandler } from '../../lib/http/http-handler.js';
import { readyTransferRoute } from '../../lib/transfers/transfer-routes.js';
import { readyTransfer } from '../../lib/transfers/transfer-service.js';

export const handler = httpHandler(readyTransferRoute, async ({ principal, params }) => {
  const transfer = await readyTransfer(principal, params.transferId);
  return { status: 200, body: transfer, version: transfer.version };
});
