import {
  cancelOrderRoute,
  completeOrderRoute,
  createOrderRoute,
  fulfilOrderRoute,
  getOrderReceiptRoute,
  getOrderRoute,
  listCustomerOrdersRoute,
  listStoreOrdersRoute,
  recordPaymentRoute,
  refundOrderRoute,
} from '../../lib/orders/order-routes.js';
import type { FunctionDefinition } from '../app-definition-types.js';

/** Minutes an order may wait for payment; read by order placement and the expiry job. */
const ORDER_PAYMENT_TIMEOUT_MINUTES = '30';
const orderEnvironment = { ORDER_PAYMENT_TIMEOUT_MINUTES } as const;

export const orderFunctions = {
  createOrder: {
    entry: 'functions/orders/create-order.ts',
    description: 'Place an order (idempotent): reserve stock at catalog prices',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: createOrderRoute }],
    environment: orderEnvironment,
  },
  getOrder: {
    entry: 'functions/orders/get-order.ts',
    description: 'Get an order with its payments and refunds',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getOrderRoute }],
  },
  getOrderReceipt: {
    entry: 'functions/orders/get-order-receipt.ts',
    description: 'Get the receipt of a paid order, as JSON or printable text',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: getOrderReceiptRoute }],
  },
  listStoreOrders: {
    entry: 'functions/orders/list-store-orders.ts',
    description: 'List a store’s orders',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listStoreOrdersRoute }],
  },
  listCustomerOrders: {
    entry: 'functions/orders/list-customer-orders.ts',
    description: 'List a customer’s orders',
    bindings: [{ table: 'read' }],
    triggers: [{ kind: 'http', route: listCustomerOrdersRoute }],
  },
  recordOrderPayment: {
    entry: 'functions/orders/record-order-payment.ts',
    description: 'Record a payment against an order',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: recordPaymentRoute }],
  },
  fulfilOrder: {
    entry: 'functions/orders/fulfil-order.ts',
    description: 'Fulfil a paid order',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: fulfilOrderRoute }],
  },
  completeOrder: {
    entry: 'functions/orders/complete-order.ts',
    description: 'Complete a fulfilled order and award points',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: completeOrderRoute }],
  },
  cancelOrder: {
    entry: 'functions/orders/cancel-order.ts',
    description: 'Cancel an unpaid or paid order',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: cancelOrderRoute }],
  },
  refundOrder: {
    entry: 'functions/orders/refund-order.ts',
    description: 'Refund a fulfilled or completed order',
    bindings: [{ table: 'read-write' }],
    triggers: [{ kind: 'http', route: refundOrderRoute }],
  },
  expireUnpaidOrders: {
    entry: 'functions/orders/expire-unpaid-orders.ts',
    description: 'Cancel orders left unpaid past their time to pay, releasing their stock',
    bindings: [{ table: 'read-write' }],
    triggers: [
      {
        kind: 'schedule',
        expression: 'rate(5 minutes)',
        description: 'Expire unpaid orders every five minutes',
        localEveryMinutes: 1,
        // An order the job could not expire keeps its stock committed: someone should look.
        alarmWhenNonZero: ['failed'],
      },
    ],
    timeoutSeconds: 300,
    environment: orderEnvironment,
  },
} as const satisfies Record<string, FunctionDefinition>;
