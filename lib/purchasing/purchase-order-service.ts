import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { assertStoreAccess, canAccessStore } from '../auth/store-scope.js';
import { retryOnContention } from '../db/contention.js';
import { newItemMeta, type SystemActor } from '../db/item-meta.js';
import type { Page } from '../db/query-page.js';
import { transactWrite } from '../db/transact.js';
import { NotFoundError } from '../errors.js';
import { requireProductIdsOfLines } from '../inventory/sku-catalog.js';
import { stockChangeWrites } from '../inventory/stock-change.js';
import {
  findPurchaseOrder,
  insertPurchaseOrderWrites,
  queryStorePurchaseOrders,
  transitionWrite,
} from './purchase-order-repository.js';
import {
  afterTransition,
  assertTransition,
  type PurchaseOrderAction,
  receiptQuantities,
  stockChangesFor,
  TIMESTAMP_OF,
} from './purchase-order-rules.js';
import type {
  CreatePurchaseOrderInput,
  ListStorePurchaseOrdersQuery,
  PurchaseOrder,
  ReceivePurchaseOrderInput,
} from './purchase-order-schemas.js';

type Actor = Principal | SystemActor;
const isPrincipal = (actor: Actor): actor is Principal => 'role' in actor;

export const newPurchaseOrderId = (): string => `po_${ulid().toLowerCase()}`;

/** Creates a DRAFT purchase order for a store; the supplier's existence is checked in the same transaction. */
export const createPurchaseOrder = async (
  actor: Actor,
  input: CreatePurchaseOrderInput,
  options: { purchaseOrderId?: string; now?: Date } = {},
): Promise<PurchaseOrder> => {
  if (isPrincipal(actor)) assertStoreAccess(actor, input.storeId);
  const productIds = await requireProductIdsOfLines(input.lines);
  const lines = input.lines.map((line) => ({
    ...line,
    productId: productIds.get(line.sku) as string,
    received: 0,
    lineTotal: line.quantity * line.unitCost,
  }));
  const po: PurchaseOrder = {
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
    ...newItemMeta(actor, options.now ?? new Date()),
  };
  await transactWrite(insertPurchaseOrderWrites(po));
  return po;
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
