import {
  listOrdersRoute,
  salesReportRoute,
  stockReportRoute,
  takingsReportRoute,
} from '../../lib/reports/report-routes.js';
import { REPORTED_ORDER_EVENTS } from '../../lib/reports/rollup-consumer.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/** Finance reports: rollups kept by a consumer of order events, and the routes that read them. */
export const reportFunctions = {
  countOrderEvent: {
    entry: 'functions/reports/count-order-event.ts',
    description: 'Count a paid, refunded or cancelled order into the report rollups (once per event)',
    bindings: [{ table: 'read-write' }],
    triggers: [
      {
        kind: 'event',
        description: 'An order was paid, refunded, cancelled or expired',
        eventPattern: { source: ['storefleet.orders'], 'detail-type': [...REPORTED_ORDER_EVENTS] },
        // A refund can arrive before its sale is counted: retries give the sale time.
        retryAttempts: 8,
        maxEventAgeSeconds: 7200,
      },
    ],
    timeoutSeconds: 30,
  },
  getSalesReport: {
    entry: 'functions/reports/get-sales-report.ts',
    description: 'Sales by day, store, region, category or channel, from the rollups',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: salesReportRoute }],
  },
  getTakingsReport: {
    entry: 'functions/reports/get-takings-report.ts',
    description: 'A day’s cash-up per store, from the rollups',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: takingsReportRoute }],
  },
  getStockReport: {
    entry: 'functions/reports/get-stock-report.ts',
    description: 'A store’s stock value, low and out of stock, days of cover, slow movers and top sellers',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: stockReportRoute }],
  },
  listOrders: {
    entry: 'functions/reports/list-orders.ts',
    description: 'Orders across the caller’s stores, newest first',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listOrdersRoute }],
  },
  writeReportFiles: {
    entry: 'functions/reports/write-report-files.ts',
    description:
      'Daily: write yesterday’s sales and takings reports as CSV, Parquet and a manifest to the lake',
    bindings: [{ table: 'read' }, { bucket: 'dataLake', access: 'read-write', prefix: 'reports/' }],
    triggers: [
      {
        kind: 'schedule',
        // After midnight UTC, once the last events of the day have been counted.
        expression: 'cron(30 1 * * ? *)',
        description: 'Write yesterday’s report files (01:30 UTC)',
        localEveryMinutes: 60,
      },
    ],
    timeoutSeconds: 300,
  },
} as const satisfies Record<string, FunctionDefinition>;
