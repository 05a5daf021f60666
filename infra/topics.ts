import type { TopicDefinition } from './app-definition-types.js';

/**
 * Who hears about stock that runs low: one message per crossing (`Inventory.LowStock` or
 * `Inventory.OutOfStock`), sent once the planner has answered it, so the message names the
 * store, SKU, product, numbers and what replenishment was planned. The planner publishes its
 * answer as `Inventory.StockAlert` (lib/replenishment/stock-alert.ts); the fields are paths in
 * that detail, and a path the event lacks renders empty.
 */
export const stockAlertsTopic = {
  displayName: 'storefleet stock alerts',
  environmentVariable: 'STOCK_ALERT_TOPIC_ARN',
  emailContext: 'stockAlertEmail',
  notifications: [
    {
      name: 'StockAlert',
      description: 'Low-stock and out-of-stock crossings with what was planned, as a readable message',
      eventPattern: {
        source: ['storefleet.replenishment'],
        'detail-type': ['Inventory.StockAlert'],
      },
      message: {
        paths: {
          type: '$.detail.alert',
          store: '$.detail.storeId',
          sku: '$.detail.sku',
          product: '$.detail.productId',
          available: '$.detail.available',
          reorderPoint: '$.detail.reorderPoint',
          reorderQuantity: '$.detail.reorderQuantity',
          plan: '$.detail.plan',
        },
        template:
          '<type> at store <store>: SKU <sku> (product <product>) has <available> available, reorder point <reorderPoint>, reorder quantity <reorderQuantity>. Replenishment: <plan>.',
      },
      retryAttempts: 8,
      maxEventAgeSeconds: 86_400,
    },
  ],
} as const satisfies TopicDefinition;
