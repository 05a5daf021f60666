import type { TopicDefinition } from './app-definition-types.js';

/**
 * Who hears about stock that runs low: one message per crossing of a reorder point (the domain
 * event carries one crossing), naming the store, SKU, numbers and the replenishment policy.
 * The message fields are paths in the `Inventory.LowStock`/`Inventory.OutOfStock` detail
 * (lib/events/ declares those schemas); a path the event lacks renders empty.
 */
export const stockAlertsTopic = {
  displayName: 'storefleet stock alerts',
  environmentVariable: 'STOCK_ALERT_TOPIC_ARN',
  emailContext: 'stockAlertEmail',
  notifications: [
    {
      name: 'StockAlert',
      description: 'Low-stock and out-of-stock crossings, as a readable message to the stock-alert topic',
      eventPattern: {
        source: ['storefleet.inventory'],
        'detail-type': ['Inventory.LowStock', 'Inventory.OutOfStock'],
      },
      message: {
        paths: {
          type: '$.detail-type',
          store: '$.detail.storeId',
          sku: '$.detail.sku',
          product: '$.detail.productId',
          available: '$.detail.available',
          reorderPoint: '$.detail.reorderPoint',
          reorderQuantity: '$.detail.reorderQuantity',
        },
        template:
          // The planner runs beside this alert, so the alert points at its answer rather than guessing it.
          '<type> at store <store>: SKU <sku> (product <product>) has <available> available, reorder point <reorderPoint>, reorder quantity <reorderQuantity>. What was planned: GET /stores/<store>/replenishments',
      },
      retryAttempts: 8,
      maxEventAgeSeconds: 86_400,
    },
  ],
} as const satisfies TopicDefinition;
