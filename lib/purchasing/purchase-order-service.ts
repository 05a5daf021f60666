import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { assertStoreAccess, canAccessStore } from '../auth/store-scope.js';
import { retryOnContention } from '../db/contention.js';
import { newItemMeta, type SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { NotFoundError } from '../errors.js';
import { requireProductIdsOfLines } from '../inventory/sku-catalog.js';
import { stockChangeWrites } from '../inventory/stock-change.js';
import {
  amendDraftWrite,
  findPurchaseOrder,
  insertPurchaseOrderWrites,
  queryStorePurchaseOrders,
  transitionWrite,
} from './purchase-order-repository.js';
import {
  afterTransition,
  assertTransition,
  MAX_PURCHASE_ORDER_LINES,
  type PurchaseOrderAction,
  receiptQuantities,
  stockChangesFor,
  TIMESTAMP_OF,
} from './purchase-order-rules.js';
import type {
  CreatePurchaseOrderInput,
  ListStorePurchaseOrdersQuery,
  PurchaseOrder,
  PurchaseOrderLine,
  ReceivePurchaseOrderInput,
} from './purchase-order-schemas.js';

type Actor = Principal | SystemActor;
const isPrincipal = (actor: Actor): actor is Principal => 'role' in actor;

export const newPurchaseOrderId = (): string => `po_${ulid().toLowerCase()}`;

/** A new DRAFT purchase order: lines priced, total summed, meta stamped (written by the callers). */
const draftPurchaseOrder = (
  actor: Actor,
  input: {
    supplierId: string;
    storeId: string;
    currency: string;
    lines: Omit<PurchaseOrderLine, 'received' | 'lineTotal'>[];
    expectedAt?: string | undefined;
    note?: string | undefined;
  },
  options: { now: Date; purchaseOrderId?: string },
): PurchaseOrder => {
  const lines = input.lines.map((line) => ({
    ...line,
    received: 0,
    lineTotal: line.quantity * line.unitCost,
  }));
  return {
    purchaseOrderId: options.purchaseOrderId ?? newPurchaseOrderId(),
    supplierId: input.supplierId,
    storeId: input.storeId,
    status: 'DRAFT',
    currency: input.currency,
    lines,
    total: lines.reduce((sum, line) => sum + line.lineTotal, 0),
    ...(input.expectedAt ? { expectedAt: input.expectedAt } : {}),
    ...(input.note ? { note: input.note } : {}),
    createdBy: actor.userId,
    ...newItemMeta(actor, options.now),
  };
};

/** Creates a DRAFT purchase order for a store; the supplier's existence is checked in the same transaction. */
export const createPurchaseOrder = async (
  actor: Actor,
  input: CreatePurchaseOrderInput,
  options: { purchaseOrderId?: string; now?: Date } = {},
): Promise<PurchaseOrder> => {
  if (isPrincipal(actor)) assertStoreAccess(actor, input.storeId);
  const productIds = await requireProductIdsOfLines(input.lines);
  const po = draftPurchaseOrder(
    actor,
    {
      ...input,
      lines: input.lines.map((line) => ({ ...line, productId: productIds.get(line.sku) as string })),
    },
    {
      now: options.now ?? new Date(),
      ...(options.purchaseOrderId ? { purchaseOrderId: options.purchaseOrderId } : {}),
    },
  );
  await transactWrite(insertPurchaseOrderWrites(po));
  return po;
};

/**
 * For a caller that writes a purchase order inside its own transaction (replenishment): the
 * DRAFT purchase order and the writes createPurchaseOrder makes, or with `order` the order as
 * orderPurchaseOrder leaves it, its quantities incoming at the store in the same writes.
 */
export const plannedPurchaseOrderWrites = (
  actor: Actor,
  input: {
    supplierId: string;
    storeId: string;
    currency: string;
    lines: Omit<PurchaseOrderLine, 'received' | 'lineTotal'>[];
    note?: string;
  },
  options: { now: Date; order: boolean; purchaseOrderId?: string },
): { purchaseOrder: PurchaseOrder; writes: GuardedWrite[] } => {
  const draft = draftPurchaseOrder(actor, input, options);
  if (!options.order) return { purchaseOrder: draft, writes: insertPurchaseOrderWrites(draft) };
  const ordered: PurchaseOrder = { ...draft, status: 'ORDERED', orderedAt: options.now.toISOString() };
  return {
    purchaseOrder: ordered,
    writes: [
      ...insertPurchaseOrderWrites(ordered),
      ...stockChangesFor(draft, 'order').flatMap((change) => stockChangeWrites(change, actor, options.now)),
    ],
  };
};

/**
 * A line added to a DRAFT purchase order (or its quantity raised when the SKU is on it), as
 * one write conditional on the order still being DRAFT at the version read; undefined when
 * the order has no room for another line.
 */
export const addToDraftWrite = (
  actor: Actor,
  current: PurchaseOrder,
  line: Omit<PurchaseOrderLine, 'received' | 'lineTotal'>,
  now: Date,
): { purchaseOrder: PurchaseOrder; write: GuardedWrite } | undefined => {
  const onIt = current.lines.some((existing) => existing.sku === line.sku);
  if (!onIt && current.lines.length >= MAX_PURCHASE_ORDER_LINES) return undefined;
  const lines = onIt
    ? current.lines.map((existing) =>
        existing.sku === line.sku
          ? {
              ...existing,
              quantity: existing.quantity + line.quantity,
              lineTotal: (existing.quantity + line.quantity) * existing.unitCost,
            }
          : existing,
      )
    : [...current.lines, { ...line, received: 0, lineTotal: line.quantity * line.unitCost }];
  const next: PurchaseOrder = {
    ...current,
    lines,
    total: lines.reduce((sum, each) => sum + each.lineTotal, 0),
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: actor.userId,
  };
  return { purchaseOrder: next, write: amendDraftWrite(current, next) };
};

/** Visible only to callers who may see its store (404 otherwise). */
export const getPurchaseOrder = async (actor: Actor, purchaseOrderId: string): Promise<PurchaseOrder> => {
  const po = await findPurchaseOrder(purchaseOrderId);
  if (!po || (isPrincipal(actor) && !canAccessStore(actor, po.storeId)))
    throw new NotFoundError({ detail: `Purchase order ${purchaseOrderId} was not found.` });
  return po;
};

export const listStorePurchaseOrders = async (
  principal: Principal,
  storeId: string,
  query: ListStorePurchaseOrdersQuery,
): Promise<Page<PurchaseOrder>> => {
  assertStoreAccess(principal, storeId);
  return queryStorePurchaseOrders(storeId, query.status, query.limit, query.cursor);
};

/**
 * One transition as one transaction: the PO (conditional on the status and version it was
 * read at) and every stock change with its movement. Losing a race (say, two deliveries booked
 * at once) re-reads and plans again (retryOnContention): both receipts land if both still fit.
 */
const transition = (
  actor: Actor,
  purchaseOrderId: string,
  action: PurchaseOrderAction,
  options: { now?: Date; receipt?: ReceivePurchaseOrderInput } = {},
): Promise<PurchaseOrder> =>
  retryOnContention(() => attemptTransition(actor, purchaseOrderId, action, options));

const attemptTransition = async (
  actor: Actor,
  purchaseOrderId: string,
  action: PurchaseOrderAction,
  options: { now?: Date; receipt?: ReceivePurchaseOrderInput },
): Promise<PurchaseOrder> => {
  const now = options.now ?? new Date();
  const current = await getPurchaseOrder(actor, purchaseOrderId);
  assertTransition(current, action);
  const received = options.receipt ? receiptQuantities(current, options.receipt.lines) : undefined;
  const changed = afterTransition(current, action, received);
  const next: PurchaseOrder = {
    ...current,
    ...changed,
    [TIMESTAMP_OF[action]]: now.toISOString(),
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: actor.userId,
  };
  await transactWrite([
    transitionWrite(current, next, action),
    ...stockChangesFor(current, action, received).flatMap((change) => stockChangeWrites(change, actor, now)),
  ]);
  return next;
};

/** DRAFT → ORDERED: the quantities become incoming at the store. */
export const orderPurchaseOrder = (actor: Actor, purchaseOrderId: string, now?: Date) =>
  transition(actor, purchaseOrderId, 'order', { ...(now ? { now } : {}) });

/** Books a delivery: incoming → on hand; PARTIALLY_RECEIVED until every line is complete, then RECEIVED. */
export const receivePurchaseOrder = (
  actor: Actor,
  purchaseOrderId: string,
  receipt: ReceivePurchaseOrderInput,
  now?: Date,
) => transition(actor, purchaseOrderId, 'receive', { ...(now ? { now } : {}), receipt });

/** RECEIVED or PARTIALLY_RECEIVED → CLOSED: whatever is still outstanding stops being incoming. */
export const closePurchaseOrder = (actor: Actor, purchaseOrderId: string, now?: Date) =>
  transition(actor, purchaseOrderId, 'close', { ...(now ? { now } : {}) });

/** DRAFT or ORDERED → CANCELLED, releasing the incoming quantities of an ordered PO. */
export const cancelPurchaseOrder = (actor: Actor, purchaseOrderId: string, now?: Date) =>
  transition(actor, purchaseOrderId, 'cancel', { ...(now ? { now } : {}) });
