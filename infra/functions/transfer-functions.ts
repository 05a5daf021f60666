import {
  cancelTransferRoute,
  createTransferRoute,
  getTransferRoute,
  listStoreTransfersRoute,
  readyTransferRoute,
  receiveTransferRoute,
  shipTransferRoute,
} from '../../lib/transfers/transfer-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

export const transferFunctions = {
  createTransfer: {
    entry: 'functions/transfers/create-transfer.ts',
    description: 'Draft a stock transfer between stores',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createTransferRoute }],
  },
  getTransfer: {
    entry: 'functions/transfers/get-transfer.ts',
    description: 'Get a transfer',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getTransferRoute }],
  },
  listStoreTransfers: {
    entry: 'functions/transfers/list-store-transfers.ts',
    description: 'List transfers into or out of a store',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listStoreTransfersRoute }],
  },
  readyTransfer: {
    entry: 'functions/transfers/ready-transfer.ts',
    description: 'Commit a transfer’s stock at the origin',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: readyTransferRoute }],
  },
  shipTransfer: {
    entry: 'functions/transfers/ship-transfer.ts',
    description: 'Ship a transfer: stock leaves the origin, incoming at the destination',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: shipTransferRoute }],
  },
  receiveTransfer: {
    entry: 'functions/transfers/receive-transfer.ts',
    description: 'Receive a transfer at the destination',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: receiveTransferRoute }],
  },
  cancelTransfer: {
    entry: 'functions/transfers/cancel-transfer.ts',
    description: 'Cancel a transfer, releasing or returning its stock',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: cancelTransferRoute }],
  },
} as const satisfies Record<string, FunctionDefinition>;
