import { listStoreReplenishmentsRoute } from '../../lib/replenishment/replenishment-routes.js';
import { ALERTED_CROSSINGS } from '../../lib/replenishment/stock-alert.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/** Events after which a replenishment's transfer or purchase order no longer needs guarding. */
const COMPLETION_EVENTS = [
  'Transfer.Received',
  'Transfer.Cancelled',
  'PurchaseOrder.Received',
  'PurchaseOrder.Closed',
  'PurchaseOrder.Cancelled',
] as const;

/** Automatic replenishment: planned on low stock, released when its documents are done. */
export const replenishmentFunctions = {
  listStoreReplenishments: {
    entry: 'functions/replenishment/list-replenishments.ts',
    description: 'List a store’s automatic replenishments',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listStoreReplenishmentsRoute }],
  },
  planOnLowStock: {
    entry: 'functions/replenishment/plan-on-low-stock.ts',
    description:
      'Plan a replenishment (transfer from a same-region donor, else a purchase order) on low stock, and alert what it planned',
    // Puts the Inventory.StockAlert that the stock-alert topic's rule turns into a message.
    bindings: [{ table: 'read-write' }, { eventBus: 'put' }],
    triggers: [
      {
        kind: 'event',
        description: 'A SKU crossed its reorder point, or ran out, at a store',
        eventPattern: { source: ['storefleet.inventory'], 'detail-type': [...ALERTED_CROSSINGS] },
        retryAttempts: 8,
        maxEventAgeSeconds: 7200,
      },
    ],
    timeoutSeconds: 30,
  },
  releaseOnCompletion: {
    entry: 'functions/replenishment/release-on-completion.ts',
    description: 'Release a store and SKU’s open replenishment once its transfer or purchase order is done',
    bindings: [{ table: 'read-write' }],
    triggers: [
      {
        kind: 'event',
        description: 'A transfer or purchase order was received, closed or cancelled',
        eventPattern: {
          source: ['storefleet.transfers', 'storefleet.purchasing'],
          'detail-type': [...COMPLETION_EVENTS],
        },
        retryAttempts: 8,
        maxEventAgeSeconds: 7200,
      },
    ],
    timeoutSeconds: 30,
  },
  sweepReplenishments: {
    entry: 'functions/replenishment/sweep-replenishments.ts',
    description: 'Daily: plan replenishments events missed and summarise each store’s stock health',
    // Puts one Inventory.StockHealth event per store on the bus.
    bindings: [{ table: 'read-write' }, { eventBus: 'put' }],
    triggers: [
      {
        kind: 'schedule',
        expression: 'cron(0 19 * * ? *)',
        description: 'Sweep the reorder watch daily (05:00 in Sydney)',
        localEveryMinutes: 60,
        // A level the sweep could not plan stays short: someone should look.
        alarmWhenNonZero: ['failed'],
      },
    ],
    timeoutSeconds: 600,
  },
} as const satisfies Record<string, FunctionDefinition>;
