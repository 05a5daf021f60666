import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';
import { ENTITY, idempotencyKeys } from '../db/keys.js';
import { getItem } from '../db/query-page.js';
import { EVENT_ARCHIVE_RETENTION_DAYS } from '../events/event-archive.js';
import { DETAIL_VERSION, type DomainEvent } from '../events/event-envelope.js';
import { type PublishOptions, publishEntries, toEntry } from '../events/event-publisher.js';
import { StockAlertDetail } from '../events/event-schemas.js';
import * as z from '../zod.js';
import type { PlanOutcome } from './plan-replenishment.js';
import { findReplenishment } from './replenishment-repository.js';
import type { Replenishment } from './replenishment-schemas.js';

export const STOCK_ALERT_ACTOR = 'system:replenishment';

/**
 * The alert's entry in the event catalog (lib/events/event-catalog.ts), named here rather than
 * looked up there: the catalog holds every event's example and would add 7 KiB to the planner's
 * bundle for two strings. A unit test holds both to the catalog's definition.
 */
export const STOCK_ALERT_EVENT = {
  source: 'storefleet.replenishment',
  detailType: 'Inventory.StockAlert',
  schema: StockAlertDetail,
} as const;

/** The crossings the planner answers (its rule's pattern uses the same list). */
export const ALERTED_CROSSINGS = ['Inventory.LowStock', 'Inventory.OutOfStock'] as const;
export type AlertedCrossing = (typeof ALERTED_CROSSINGS)[number];

/**
 * What the alert reads of a crossing's detail: the numbers at the moment of the crossing.
 * LowStock carries the rule's fields flat, OutOfStock nests them under `reorderRule`.
 */
export const CrossingDetail = z.looseObject({
  eventId: z.string().check(z.minLength(1), z.maxLength(512)),
  storeId: z.string().check(z.minLength(1), z.maxLength(128)),
  sku: z.string().check(z.minLength(1), z.maxLength(128)),
  productId: z.string().check(z.minLength(1), z.maxLength(128)),
  available: z.number().check(z.int()),
  reorderPoint: z.optional(z.number().check(z.int())),
  reorderQuantity: z.optional(z.number().check(z.int())),
  reorderRule: z.optional(
    z.looseObject({ reorderPoint: z.number().check(z.int()), reorderQuantity: z.number().check(z.int()) }),
  ),
});
export type CrossingDetail = z.output<typeof CrossingDetail>;

const REASONS: Record<Extract<PlanOutcome, { outcome: 'skipped' }>['reason'], string> = {
  'duplicate-event': 'planned earlier for this event',
  'unknown-store': 'nothing: the store does not exist',
  'no-rule': 'nothing: the SKU has no reorder rule at this store',
  'notify-only': 'nothing: the reorder rule is notify_only',
  'already-open': 'already open',
  'above-reorder-point': 'nothing: stock on its way already covers the reorder point',
  'nothing-available': 'nothing: no same-region store can spare any and no supplier is set',
};

const describe = (replenishment: Replenishment): string => {
  const transferStatus = replenishment.autoApprove ? 'READY_TO_SHIP' : 'DRAFT';
  const orderStatus = replenishment.autoApprove ? 'ORDERED' : 'DRAFT';
  const parts = [
    ...replenishment.transfers.map(
      (t) =>
        `transfer ${t.transferId} of ${t.quantity} from ${t.fromStoreId} (${t.status ?? transferStatus})`,
    ),
    ...(replenishment.purchaseOrder
      ? [
          `purchase order ${replenishment.purchaseOrder.purchaseOrderId} of ${replenishment.purchaseOrder.quantity} from ${replenishment.purchaseOrder.supplierId} (${replenishment.purchaseOrder.status ?? orderStatus})`,
        ]
      : []),
    ...(replenishment.unplanned > 0 ? [`${replenishment.unplanned} not covered`] : []),
  ];
  return `replenishment ${replenishment.replenishmentId}: ${parts.join(', ')}`;
};

/**
 * The replenishment an outcome refers to: the one just planned, or the open (or earlier) one
 * it points at, re-read so the alert names its documents.
 */
const replenishmentOf = async (storeId: string, outcome: PlanOutcome): Promise<Replenishment | undefined> => {
  if (outcome.outcome === 'planned') return outcome.replenishment;
  return outcome.replenishmentId ? findReplenishment(storeId, outcome.replenishmentId) : undefined;
};

/** The `Inventory.StockAlert` answering one crossing; its id derives from the crossing's. */
export const stockAlertEvent = async (
  crossing: AlertedCrossing,
  detail: CrossingDetail,
  outcome: PlanOutcome,
  now: Date,
): Promise<DomainEvent> => {
  const replenishment = await replenishmentOf(detail.storeId, outcome);
  // A redelivered crossing finds the replenishment it planned itself: the same alert again.
  const plannedByThis = outcome.outcome === 'planned' || replenishment?.trigger.eventId === detail.eventId;
  const kind = replenishment ? (plannedByThis ? 'planned' : 'already-open') : 'not-planned';
  const definition = STOCK_ALERT_EVENT;
  const reason = outcome.outcome === 'skipped' && !plannedByThis ? REASONS[outcome.reason] : undefined;
  const plan = replenishment
    ? plannedByThis
      ? `planned ${describe(replenishment)}`
      : `${reason}: ${describe(replenishment)}`
    : (reason ?? 'nothing');
  const parsed = definition.schema.parse({
    version: DETAIL_VERSION,
    eventId: `stock-alert:${detail.eventId}`,
    occurredAt: now.toISOString(),
    actor: STOCK_ALERT_ACTOR,
    alert: crossing,
    crossingEventId: detail.eventId,
    storeId: detail.storeId,
    sku: detail.sku,
    productId: detail.productId,
    available: detail.available,
    reorderPoint: detail.reorderPoint ?? detail.reorderRule?.reorderPoint,
    reorderQuantity: detail.reorderQuantity ?? detail.reorderRule?.reorderQuantity,
    outcome: kind,
    ...(kind === 'not-planned' && reason ? { reason } : {}),
    ...(replenishment
      ? {
          replenishmentId: replenishment.replenishmentId,
          transfers: replenishment.transfers.map(({ transferId, fromStoreId, quantity }) => ({
            transferId,
            fromStoreId,
            quantity,
          })),
          ...(replenishment.purchaseOrder
            ? {
                purchaseOrder: {
                  purchaseOrderId: replenishment.purchaseOrder.purchaseOrderId,
                  supplierId: replenishment.purchaseOrder.supplierId,
                  quantity: replenishment.purchaseOrder.quantity,
                },
              }
            : {}),
        }
      : { transfers: [] }),
    plan,
  });
  return {
    source: definition.source,
    detailType: definition.detailType,
    detail: parsed as DomainEvent['detail'],
  };
};

const sentKey = (crossingEventId: string) => idempotencyKeys.record('STOCK-ALERT', crossingEventId);

/**
 * Puts the alert on the bus, where the stock-alert topic's rule turns it into a message, once
 * per crossing: a record of the crossing's id is written after the alert went, and a
 * redelivered crossing that finds it sends nothing. What cannot be published throws, so the
 * crossing is retried: the planner then finds its own replenishment (`duplicate-event`) and
 * sends the same alert, with the same id. (Two deliveries at the very same moment could both
 * send; an alert is better twice than never.)
 */
export const publishStockAlertOnce = async (
  event: DomainEvent & { detail: { crossingEventId?: unknown } },
  options: PublishOptions = {},
): Promise<'sent' | 'sent-before'> => {
  const crossingEventId = String(event.detail.crossingEventId);
  if (await getItem(sentKey(crossingEventId))) return 'sent-before';
  const failures = await publishEntries(
    [{ key: String(event.detail.eventId), entry: toEntry(event) }],
    options,
  );
  if (failures.length > 0)
    throw new Error(
      `Could not publish ${event.detail.eventId}: ${failures.map((f) => f.errorCode).join(', ')}`,
    );
  const now = Math.floor(Date.now() / 1000);
  await documentClient.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...sentKey(crossingEventId),
        entityType: ENTITY.idempotencyRecord,
        scope: 'STOCK-ALERT',
        idempotencyKey: crossingEventId,
        result: { alertEventId: String(event.detail.eventId) },
        createdAt: new Date(now * 1000).toISOString(),
        // As long as the archive keeps the crossing: a replay of it finds the record.
        ttl: now + EVENT_ARCHIVE_RETENTION_DAYS * 86_400,
      },
    }),
  );
  return 'sent';
};
