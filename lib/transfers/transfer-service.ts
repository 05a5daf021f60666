import { ulid } from 'ulid';
import type { Principal } from '../auth/principal.js';
import { assertStoreAccess, canAccessStore } from '../auth/store-scope.js';
import { retryOnContention } from '../db/contention.js';
import { newItemMeta, type SystemActor } from '../db/item-meta.js';
import { inventoryKeys } from '../db/keys.js';
import { batchGetItems, type Page } from '../db/query-page.js';
import { type GuardedWrite, transactWrite } from '../db/transact.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { requireProductIdsOfLines } from '../inventory/sku-catalog.js';
import {
  InsufficientStockError,
  mergeStockChanges,
  type StockChange,
  stockChangeWrites,
} from '../inventory/stock-change.js';
import {
  findTransfer,
  insertTransferWrites,
  queryStoreTransfers,
  transitionWrites,
} from './transfer-repository.js';
import {
  actingSide,
  linesAfter,
  nextStatus,
  receivedQuantities,
  stockChangesFor,
  TIMESTAMP_OF,
  type TransferAction,
} from './transfer-rules.js';
import type {
  CreateTransferInput,
  ListStoreTransfersQuery,
  ReceiveTransferInput,
  Transfer,
  TransferLine,
} from './transfer-schemas.js';

type Actor = Principal | SystemActor;
const isPrincipal = (actor: Actor): actor is Principal => 'role' in actor;

export const newTransferId = (): string => `tr_${ulid().toLowerCase()}`;

const notFound = (transferId: string) =>
  new NotFoundError({ detail: `Transfer ${transferId} was not found.` });

/** Creates a DRAFT transfer; nothing is held until it is readied. Managers send from their own stores. */
export const createTransfer = async (
  actor: Actor,
  input: CreateTransferInput,
  options: { transferId?: string; now?: Date } = {},
): Promise<Transfer> => {
  if (isPrincipal(actor)) assertStoreAccess(actor, input.fromStoreId);
  const productIds = await requireProductIdsOfLines(input.lines);
  const transfer: Transfer = {
    transferId: options.transferId ?? newTransferId(),
    fromStoreId: input.fromStoreId,
    toStoreId: input.toStoreId,
    status: 'DRAFT',
    lines: input.lines.map((line) => ({ ...line, productId: productIds.get(line.sku) as string })),
    ...(input.note ? { note: input.note } : {}),
    createdBy: actor.userId,
    ...newItemMeta(actor, options.now ?? new Date()),
  };
  await transactWrite(insertTransferWrites(transfer));
  return transfer;
};

/**
 * For a caller that writes a transfer inside its own transaction (replenishment): the DRAFT
 * transfer and the writes createTransfer makes, or with `ready` the transfer as readyTransfer
 * leaves it, with the commitment at the origin in the same writes, so its invariants hold.
 */
export const plannedTransferWrites = (
  actor: Actor,
  input: { fromStoreId: string; toStoreId: string; lines: TransferLine[]; note?: string },
  options: { now: Date; ready: boolean; transferId?: string },
): { transfer: Transfer; writes: GuardedWrite[] } => {
  const draft: Transfer = {
    transferId: options.transferId ?? newTransferId(),
    fromStoreId: input.fromStoreId,
    toStoreId: input.toStoreId,
    status: 'DRAFT',
    lines: input.lines,
    ...(input.note ? { note: input.note } : {}),
    createdBy: actor.userId,
    ...newItemMeta(actor, options.now),
  };
  if (!options.ready) return { transfer: draft, writes: insertTransferWrites(draft) };
  const ready: Transfer = { ...draft, status: 'READY_TO_SHIP', readyAt: options.now.toISOString() };
  const commits = mergeStockChanges(stockChangesFor(draft, 'ready'));
  return {
    transfer: ready,
    writes: [
      ...insertTransferWrites(ready),
      ...commits.flatMap((change) => stockChangeWrites(change, actor, options.now)),
    ],
  };
};

/** A transfer is visible to whoever may see either of its stores; to others it does not exist. */
export const getTransfer = async (actor: Actor, transferId: string): Promise<Transfer> => {
  const transfer = await findTransfer(transferId);
  if (!transfer) throw notFound(transferId);
  if (
    isPrincipal(actor) &&
    !canAccessStore(actor, transfer.fromStoreId) &&
    !canAccessStore(actor, transfer.toStoreId)
  )
    throw notFound(transferId);
  return transfer;
};

export const listStoreTransfers = async (
  principal: Principal,
  storeId: string,
  query: ListStoreTransfersQuery,
): Promise<Page<Transfer>> => {
  assertStoreAccess(principal, storeId);
  return queryStoreTransfers(storeId, query.status, query.limit, query.cursor);
};

/** When readying fails for stock, report every short line (read after the failure, for the message only). */
const allShortages = async (transfer: Transfer, failure: InsufficientStockError) => {
  const items = await batchGetItems(
    transfer.lines.map((line) => inventoryKeys.level(transfer.fromStoreId, line.sku)),
  );
  const availableOf = new Map(items.map((item) => [String(item.sku), Number(item.available ?? 0)]));
  const shortages = transfer.lines
    .map((line) => ({
      storeId: transfer.fromStoreId,
      sku: line.sku,
      requested: line.quantity,
      available: availableOf.get(line.sku) ?? 0,
    }))
    .filter((shortage) => shortage.available < shortage.requested);
  return shortages.length > 0 ? new InsufficientStockError(shortages) : failure;
};

/**
 * One transition as one transaction: the transfer (conditional on the status and version it
 * was read at), both store links, and every stock change with its movement. A wrong status is
 * 409 invalid-state; missing stock is 409 insufficient-stock; either way nothing is written.
 * Losing a race to another change of the transfer re-reads and plans again (retryOnContention),
 * so a request that still fits what is there now succeeds.
 */
const transition = (
  actor: Actor,
  transferId: string,
  action: TransferAction,
  options: { now?: Date; received?: ReceiveTransferInput['lines'] } = {},
): Promise<Transfer> => retryOnContention(() => attemptTransition(actor, transferId, action, options));

const attemptTransition = async (
  actor: Actor,
  transferId: string,
  action: TransferAction,
  options: { now?: Date; received?: ReceiveTransferInput['lines'] },
): Promise<Transfer> => {
  const now = options.now ?? new Date();
  const current = await getTransfer(actor, transferId);
  const side = actingSide(action);
  if (isPrincipal(actor) && !canAccessStore(actor, current[side])) {
    throw new ForbiddenError({
      detail: `Only a manager of the ${side === 'fromStoreId' ? 'origin' : 'destination'} store ${current[side]} may ${action} this transfer.`,
    });
  }
  const status = nextStatus(current, action);
  const received = action === 'receive' ? receivedQuantities(current, options.received) : undefined;
  const next: Transfer = {
    ...current,
    status,
    lines: linesAfter(current, action, received),
    [TIMESTAMP_OF[action]]: now.toISOString(),
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: actor.userId,
  };
  const changes: StockChange[] = mergeStockChanges(stockChangesFor(current, action, received));
  try {
    await transactWrite([
      ...transitionWrites(current, next, action),
      ...changes.flatMap((change) => stockChangeWrites(change, actor, now)),
    ]);
  } catch (error) {
    if (action === 'ready' && error instanceof InsufficientStockError)
      throw await allShortages(current, error);
    throw error;
  }
  return next;
};

/** DRAFT → READY_TO_SHIP: commits the stock at the origin, or 409 with every shortage. */
export const readyTransfer = (actor: Actor, transferId: string, now?: Date) =>
  transition(actor, transferId, 'ready', { ...(now ? { now } : {}) });

/** READY_TO_SHIP → IN_TRANSIT: the stock leaves the origin and is incoming at the destination. */
export const shipTransfer = (actor: Actor, transferId: string, now?: Date) =>
  transition(actor, transferId, 'ship', { ...(now ? { now } : {}) });

/** IN_TRANSIT → RECEIVED at the destination; short lines record their shortfall. */
export const receiveTransfer = (actor: Actor, transferId: string, input: ReceiveTransferInput, now?: Date) =>
  transition(actor, transferId, 'receive', { ...(now ? { now } : {}), received: input.lines });

/** Cancels from DRAFT, READY_TO_SHIP (releases the commitment) or IN_TRANSIT (stock returns to the origin). */
export const cancelTransfer = (actor: Actor, transferId: string, now?: Date) =>
  transition(actor, transferId, 'cancel', { ...(now ? { now } : {}) });
