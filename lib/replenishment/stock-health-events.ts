import { DETAIL_VERSION, type DomainEvent } from '../events/event-envelope.js';
import { type PublishOptions, publishEntries, toEntry } from '../events/event-publisher.js';
import { StockHealthDetail } from '../events/event-schemas.js';
import type { StockHealthSummary } from './sweep.js';

export const STOCK_HEALTH_ACTOR = 'system:sweep-replenishments';

/** The event's catalog entry (as STOCK_ALERT_EVENT in stock-alert.ts: the catalog is not bundled). */
export const STOCK_HEALTH_EVENT = {
  source: 'storefleet.inventory',
  detailType: 'Inventory.StockHealth',
  schema: StockHealthDetail,
} as const;

/**
 * One `Inventory.StockHealth` event per store summary. The id is the store and the day swept,
 * so a retried sweep on the same day repeats the same ids and consumers count it once.
 * Validated against the catalog's schema, like every translated event.
 */
export const stockHealthEvents = (summaries: readonly StockHealthSummary[], now: Date): DomainEvent[] => {
  const definition = STOCK_HEALTH_EVENT;
  return summaries.map((summary) => {
    const detail = definition.schema.parse({
      version: DETAIL_VERSION,
      eventId: `stock-health:${summary.storeId}:${summary.sweptOn}`,
      occurredAt: now.toISOString(),
      actor: STOCK_HEALTH_ACTOR,
      ...summary,
    }) as DomainEvent['detail'];
    return { source: definition.source, detailType: definition.detailType, detail };
  });
};

/**
 * Publishes the sweep's summaries on the bus (chunked, failed entries retried). What still
 * fails throws, so the scheduled invocation fails and is retried: the sweep's plans are
 * idempotent per day and level, and the events' ids are stable.
 */
export const publishStockHealth = async (
  summaries: readonly StockHealthSummary[],
  now: Date,
  options: PublishOptions = {},
): Promise<void> => {
  const events = stockHealthEvents(summaries, now);
  const failures = await publishEntries(
    events.map((event) => ({ key: String(event.detail.eventId), entry: toEntry(event) })),
    options,
  );
  if (failures.length > 0)
    throw new Error(
      `Could not publish ${failures.length} Inventory.StockHealth event(s): ${failures
        .map((failure) => `${failure.item.key} (${failure.errorCode})`)
        .join(', ')}`,
    );
};
