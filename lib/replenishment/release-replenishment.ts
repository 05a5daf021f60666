import { ContentionError, retryOnContention } from '../db/contention.js';
import { transactWrite } from '../db/transact.js';
import { findPurchaseOrder } from '../purchasing/purchase-order-repository.js';
import { findTransfer } from '../transfers/transfer-repository.js';
import { REPLENISHMENT_ACTOR } from './plan-replenishment.js';
import {
  findGuard,
  findReplenishment,
  ReplenishmentOpenError,
  releaseWrites,
} from './replenishment-repository.js';
import type { Replenishment } from './replenishment-schemas.js';

/** Statuses in which a document no longer replenishes: it arrived, or never will. */
const DONE_TRANSFER = new Set(['RECEIVED', 'CANCELLED']);
const DONE_PURCHASE_ORDER = new Set(['RECEIVED', 'CLOSED', 'CANCELLED']);

export type ReleaseOutcome = {
  sku: string;
  replenishmentId?: string;
  result: 'closed' | 'still-open' | 'nothing';
};

export type ReleaseTarget = { transferId: string } | { purchaseOrderId: string };

/**
 * After `Transfer.Received/Cancelled` or `PurchaseOrder.Received/Closed/Cancelled`: re-reads the
 * document (the event only names it), and for each of its SKUs at the store it replenishes takes
 * it off the open replenishment whose guard lists it; when none is left, the guard is deleted
 * and the record closed. Conditional on the guard's version, so a redelivered event, a guard of
 * another plan, or a document that is not finished changes nothing.
 */
export const releaseReplenishment = async (
  target: ReleaseTarget,
  now = new Date(),
): Promise<ReleaseOutcome[]> => {
  const document = await finishedDocument(target);
  if (!document) return [];
  const outcomes: ReleaseOutcome[] = [];
  for (const sku of document.skus)
    outcomes.push(await retryOnContention(() => releaseOne(document.storeId, sku, document.id, now)));
  return outcomes;
};

const finishedDocument = async (
  target: ReleaseTarget,
): Promise<{ id: string; storeId: string; skus: string[] } | undefined> => {
  if ('transferId' in target) {
    const transfer = await findTransfer(target.transferId);
    if (!transfer || !DONE_TRANSFER.has(transfer.status)) return undefined;
    return { id: transfer.transferId, storeId: transfer.toStoreId, skus: transfer.lines.map((l) => l.sku) };
  }
  const po = await findPurchaseOrder(target.purchaseOrderId);
  if (!po || !DONE_PURCHASE_ORDER.has(po.status)) return undefined;
  return { id: po.purchaseOrderId, storeId: po.storeId, skus: po.lines.map((l) => l.sku) };
};

const releaseOne = async (
  storeId: string,
  sku: string,
  documentId: string,
  now: Date,
): Promise<ReleaseOutcome> => {
  const guard = await findGuard(storeId, sku);
  const pending = Array.isArray(guard?.pendingDocuments) ? (guard.pendingDocuments as string[]) : [];
  if (!guard || !pending.includes(documentId)) return { sku, result: 'nothing' };
  const current = await findReplenishment(storeId, String(guard.replenishmentId));
  if (!current) return { sku, result: 'nothing' };
  const left = pending.filter((id) => id !== documentId);
  const at = now.toISOString();
  const next: Replenishment = {
    ...current,
    pendingDocuments: left,
    ...(left.length === 0 ? { status: 'CLOSED', closedAt: at } : {}),
    version: Number(guard.version) + 1,
    updatedAt: at,
    updatedBy: REPLENISHMENT_ACTOR.userId,
  };
  try {
    await transactWrite(releaseWrites({ ...current, version: Number(guard.version) }, next));
  } catch (error) {
    // The guard changed since it was read (another release landed): read it again.
    if (error instanceof ReplenishmentOpenError)
      throw new ContentionError({ detail: 'The replenishment changed while releasing.', cause: error });
    throw error;
  }
  return {
    sku,
    replenishmentId: current.replenishmentId,
    result: left.length === 0 ? 'closed' : 'still-open',
  };
};
