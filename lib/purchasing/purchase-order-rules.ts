import { InvalidStateError } from '../db/status-transition.js';
import { MAX_TRANSACTION_ITEMS } from '../db/transact.js';
import { ValidationError } from '../errors.js';
import type { StockChange } from '../inventory/stock-change.js';
import type {
  PurchaseOrder,
  PurchaseOrderLine,
  ReceivePurchaseOrderInput,
} from './purchase-order-schemas.js';

/**
 * The purchase-order state machine and the stock each transition moves. Pure: no I/O.
 *
 *   DRAFT ──order──▶ ORDERED ──receive──▶ PARTIALLY_RECEIVED ──receive──▶ RECEIVED ──close──▶ CLOSED
 *     │                 │                        └──────────────close──────────────────────────┘
 *     └────cancel───────┴──▶ CANCELLED
 */
export const PURCHASE_ORDER_STATUSES = [
  'DRAFT',
  'ORDERED',
  'PARTIALLY_RECEIVED',
  'RECEIVED',
  'CLOSED',
  'CANCELLED',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];

export type PurchaseOrderAction = 'order' | 'receive' | 'close' | 'cancel';

export const ALLOWED_FROM: Record<PurchaseOrderAction, readonly PurchaseOrderStatus[]> = {
  order: ['DRAFT'],
  receive: ['ORDERED', 'PARTIALLY_RECEIVED'],
  close: ['PARTIALLY_RECEIVED', 'RECEIVED'],
  cancel: ['DRAFT', 'ORDERED'],
};

/** Every transition writes the PO plus a level and a movement per line: 2 × lines + 1 ≤ 100. */
export const MAX_PURCHASE_ORDER_LINES = Math.floor((MAX_TRANSACTION_ITEMS - 1) / 2);

export const assertTransition = (
  po: Pick<PurchaseOrder, 'purchaseOrderId' | 'status'>,
  action: PurchaseOrderAction,
): void => {
  if (!ALLOWED_FROM[action].includes(po.status)) {
    throw new InvalidStateError(
      `Purchase order ${po.purchaseOrderId}`,
      po.status,
      action,
      ALLOWED_FROM[action],
    );
  }
};

export const outstanding = (line: PurchaseOrderLine): number => line.quantity - line.received;

/**
 * Quantities of a receipt by SKU; 400 naming the line when the SKU is not on the order or
 * the quantity exceeds what is still outstanding.
 */
export const receiptQuantities = (
  po: PurchaseOrder,
  lines: ReceivePurchaseOrderInput['lines'],
): Map<string, number> => {
  const bySku = new Map(po.lines.map((line) => [line.sku, line]));
  const issues = lines.flatMap((line, index) => {
    const ordered = bySku.get(line.sku);
    if (!ordered) return [{ path: `body.lines[${index}].sku`, message: 'Not on this purchase order.' }];
    const left = outstanding(ordered);
    if (line.quantity > left)
      return [
        {
          path: `body.lines[${index}].quantity`,
          message: `Only ${left} of ${ordered.quantity} are still outstanding.`,
        },
      ];
    return [];
  });
  if (issues.length > 0) throw new ValidationError(issues, 'Some lines cannot be received.');
  return new Map(lines.map((line) => [line.sku, line.quantity]));
};

/** Lines after a receipt, and whether everything ordered has now arrived. */
export const afterReceipt = (po: PurchaseOrder, received: ReadonlyMap<string, number>) => {
  const lines = po.lines.map((line) => ({
    ...line,
    received: line.received + (received.get(line.sku) ?? 0),
  }));
  const status: PurchaseOrderStatus = lines.every((line) => outstanding(line) === 0)
    ? 'RECEIVED'
    : 'PARTIALLY_RECEIVED';
  return { lines, status };
};

const STATUS_AFTER: Record<Exclude<PurchaseOrderAction, 'receive'>, PurchaseOrderStatus> = {
  order: 'ORDERED',
  close: 'CLOSED',
  cancel: 'CANCELLED',
};

/** Status and lines after `action` (409 invalid-state when the current status does not allow it). */
export const afterTransition = (
  po: PurchaseOrder,
  action: PurchaseOrderAction,
  received?: ReadonlyMap<string, number>,
): { status: PurchaseOrderStatus; lines: PurchaseOrderLine[] } => {
  assertTransition(po, action);
  if (action === 'receive') return afterReceipt(po, received ?? new Map());
  return { status: STATUS_AFTER[action], lines: po.lines };
};

const change = (
  po: PurchaseOrder,
  line: PurchaseOrderLine,
  deltas: StockChange['deltas'],
  reason: StockChange['reason'],
): StockChange => ({
  storeId: po.storeId,
  sku: line.sku,
  productId: line.productId,
  deltas,
  reason,
  reference: { type: 'purchase_order', id: po.purchaseOrderId },
});

/**
 * Stock changes of a transition, given the PO before it:
 * - order: incoming +quantity (`incoming`);
 * - receive: incoming −q and onHand +q (`received`);
 * - close: outstanding incoming released (`incoming_cancelled`);
 * - cancel from ORDERED: all incoming released (`incoming_cancelled`); from DRAFT nothing.
 */
export const stockChangesFor = (
  po: PurchaseOrder,
  action: PurchaseOrderAction,
  received?: ReadonlyMap<string, number>,
): StockChange[] => po.lines.flatMap((line) => lineChanges(po, action, line, received));

const lineChanges = (
  po: PurchaseOrder,
  action: PurchaseOrderAction,
  line: PurchaseOrderLine,
  received: ReadonlyMap<string, number> | undefined,
): StockChange[] => {
  switch (action) {
    case 'order':
      return [change(po, line, { incoming: line.quantity }, 'incoming')];
    case 'receive': {
      const q = received?.get(line.sku) ?? 0;
      return q > 0 ? [change(po, line, { incoming: -q, onHand: q }, 'received')] : [];
    }
    case 'close':
    case 'cancel': {
      if (po.status === 'DRAFT') return [];
      const left = outstanding(line);
      return left > 0 ? [change(po, line, { incoming: -left }, 'incoming_cancelled')] : [];
    }
  }
};

export const TIMESTAMP_OF: Record<
  PurchaseOrderAction,
  'orderedAt' | 'lastReceivedAt' | 'closedAt' | 'cancelledAt'
> = {
  order: 'orderedAt',
  receive: 'lastReceivedAt',
  close: 'closedAt',
  cancel: 'cancelledAt',
};
