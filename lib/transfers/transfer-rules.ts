import { InvalidStateError } from '../db/status-transition.js';
import { MAX_TRANSACTION_ITEMS } from '../db/transact.js';
import { ValidationError } from '../errors.js';
import type { StockChange } from '../inventory/stock-change.js';
import type { ReceiveTransferInput, Transfer, TransferLine } from './transfer-schemas.js';

/**
 * The transfer state machine and the stock each transition moves. Pure: no I/O.
 *
 *   DRAFT ──ready──▶ READY_TO_SHIP ──ship──▶ IN_TRANSIT ──receive──▶ RECEIVED
 *     └──cancel──▶ CANCELLED ◀──cancel──┘          └──cancel──▶ CANCELLED
 */
export const TRANSFER_STATUSES = ['DRAFT', 'READY_TO_SHIP', 'IN_TRANSIT', 'RECEIVED', 'CANCELLED'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export type TransferAction = 'ready' | 'ship' | 'receive' | 'cancel';

export const TRANSITIONS: Record<TransferAction, { from: readonly TransferStatus[]; to: TransferStatus }> = {
  ready: { from: ['DRAFT'], to: 'READY_TO_SHIP' },
  ship: { from: ['READY_TO_SHIP'], to: 'IN_TRANSIT' },
  receive: { from: ['IN_TRANSIT'], to: 'RECEIVED' },
  cancel: { from: ['DRAFT', 'READY_TO_SHIP', 'IN_TRANSIT'], to: 'CANCELLED' },
};

/** Which store's manager may take the action: the sender prepares, the receiver receives. */
export const actingSide = (action: TransferAction): 'fromStoreId' | 'toStoreId' =>
  action === 'receive' ? 'toStoreId' : 'fromStoreId';

/**
 * The largest transition (ship, or cancel in transit) writes per line the origin level and
 * movement and the destination level and movement, plus the transfer and its two store
 * links: 4 × lines + 3 must fit DynamoDB's 100-item transaction, so at most 24 lines.
 */
export const WRITES_PER_LINE = 4;
export const FIXED_WRITES = 3;
export const MAX_TRANSFER_LINES = Math.floor((MAX_TRANSACTION_ITEMS - FIXED_WRITES) / WRITES_PER_LINE);

/** The status after `action`; 409 invalid-state naming the current status when not allowed. */
export const nextStatus = (transfer: Pick<Transfer, 'transferId' | 'status'>, action: TransferAction) => {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(transfer.status)) {
    throw new InvalidStateError(`Transfer ${transfer.transferId}`, transfer.status, action, transition.from);
  }
  return transition.to;
};

const change = (
  transfer: Transfer,
  side: 'fromStoreId' | 'toStoreId',
  line: TransferLine,
  deltas: StockChange['deltas'],
  reason: StockChange['reason'],
  note?: string,
): StockChange => ({
  storeId: transfer[side],
  sku: line.sku,
  productId: line.productId,
  deltas,
  reason,
  reference: { type: 'transfer', id: transfer.transferId },
  ...(note ? { note } : {}),
});

/**
 * Stock changes of a transition, given the transfer as it is before it:
 * - ready: origin committed +q (`commit`), conditional on available ≥ q;
 * - ship: origin onHand −q and committed −q (`transfer_out`), destination incoming +q (`incoming`);
 * - receive: destination incoming −shipped, onHand +received (`transfer_in`);
 * - cancel from READY_TO_SHIP: origin committed −q (`release`);
 * - cancel from IN_TRANSIT: destination incoming −shipped (`incoming_cancelled`) and the shipped
 *   units go back on the origin's shelf, onHand +shipped (`transfer_in`), so every unit that left
 *   the origin's onHand comes back through a movement; from DRAFT nothing is held.
 */
export const stockChangesFor = (
  transfer: Transfer,
  action: TransferAction,
  received?: ReadonlyMap<string, number>,
): StockChange[] => transfer.lines.flatMap((line) => lineChanges(transfer, action, line, received));

const lineChanges = (
  transfer: Transfer,
  action: TransferAction,
  line: TransferLine,
  received: ReadonlyMap<string, number> | undefined,
): StockChange[] => {
  const q = line.quantity;
  const shipped = line.shipped ?? q;
  switch (action) {
    case 'ready':
      return [change(transfer, 'fromStoreId', line, { committed: q }, 'commit')];
    case 'ship':
      return [
        change(transfer, 'fromStoreId', line, { onHand: -q, committed: -q }, 'transfer_out'),
        change(transfer, 'toStoreId', line, { incoming: q }, 'incoming'),
      ];
    case 'receive':
      return [
        change(
          transfer,
          'toStoreId',
          line,
          { incoming: -shipped, onHand: received?.get(line.sku) ?? shipped },
          'transfer_in',
        ),
      ];
    case 'cancel':
      if (transfer.status === 'READY_TO_SHIP')
        return [change(transfer, 'fromStoreId', line, { committed: -q }, 'release')];
      if (transfer.status === 'IN_TRANSIT')
        return [
          change(transfer, 'toStoreId', line, { incoming: -shipped }, 'incoming_cancelled'),
          change(
            transfer,
            'fromStoreId',
            line,
            { onHand: shipped },
            'transfer_in',
            'Returned to the origin: transfer cancelled in transit.',
          ),
        ];
      return [];
  }
};

/**
 * Quantities received per SKU: everything shipped when `lines` is omitted; otherwise every line
 * of the transfer must be listed once with 0 ≤ quantity ≤ shipped (400 naming the line).
 */
export const receivedQuantities = (
  transfer: Transfer,
  lines: ReceiveTransferInput['lines'],
): Map<string, number> => {
  const shipped = new Map(transfer.lines.map((line) => [line.sku, line.shipped ?? line.quantity]));
  if (!lines) return shipped;
  const issues = lines.flatMap((line, index) => {
    const max = shipped.get(line.sku);
    if (max === undefined) return [{ path: `body.lines[${index}].sku`, message: 'Not on this transfer.' }];
    if (line.quantity > max)
      return [{ path: `body.lines[${index}].quantity`, message: `Only ${max} were shipped.` }];
    return [];
  });
  const listed = new Set(lines.map((line) => line.sku));
  const missing = [...shipped.keys()].filter((sku) => !listed.has(sku));
  if (missing.length > 0)
    issues.push({
      path: 'body.lines',
      message: `List every line of the transfer; missing ${missing.join(', ')}.`,
    });
  if (issues.length > 0) throw new ValidationError(issues);
  return new Map(lines.map((line) => [line.sku, line.quantity]));
};

/** The transfer's lines after the transition (shipped, received and shortfall recorded). */
export const linesAfter = (
  transfer: Transfer,
  action: TransferAction,
  received?: ReadonlyMap<string, number>,
): TransferLine[] =>
  transfer.lines.map((line) => {
    if (action === 'ship') return { ...line, shipped: line.quantity };
    if (action !== 'receive') return line;
    const shipped = line.shipped ?? line.quantity;
    const got = received?.get(line.sku) ?? shipped;
    return { ...line, received: got, shortfall: shipped - got };
  });

/** The timestamp a transition stamps on the transfer. */
export const TIMESTAMP_OF: Record<TransferAction, 'readyAt' | 'shippedAt' | 'receivedAt' | 'cancelledAt'> = {
  ready: 'readyAt',
  ship: 'shippedAt',
  receive: 'receivedAt',
  cancel: 'cancelledAt',
};
