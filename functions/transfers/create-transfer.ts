import { httpHandler } from '../../lib/http/http-handler.js';
import { createTransferRoute } from '../../lib/transfers/transfer-routes.js';
import { createTransfer } from '../../lib/transfers/transfer-service.js';

export const handler = httpHandler(createTransferRoute, async ({ principal, body }) => {
  const transfer = await createTransfer(principal, body);
  return {
    status: 201,
    body: transfer,
    version: transfer.version,
    location: `/transfers/${transfer.transferId}`,
  };
});
