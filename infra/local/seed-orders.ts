/**
 * Demo orders in every state at the demo stores, placed and moved through the order services
 * exactly as the API would (stock is committed, sold, released and returned for real). Call
 * after the stores, products, stock (seedStock) and customers (seedCustomers) are seeded; a
 * demo customer that is missing is simply left off its orders. Ids and Idempotency-Keys are
 * fixed, so the sample events (events/http/) can reference the orders and a second run only
 * finishes what is missing. Orders waiting for payment get 30 days to pay, except one that was
 * "abandoned" two hours ago: the local expiry job cancels it within a minute of starting.
 */
import { findCustomer } from '../../lib/customers/customer-repository.js';
import type { SystemActor } from '../../lib/db/item-meta.js';
import { cancelOrder, completeOrder, fulfilOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { refundOrder } from '../../lib/orders/order-refunds.js';
import { loadOrderDetail } from '../../lib/orders/order-repository.js';
import type { CreateOrderInput, OrderDetail, RefundOrderInput } from '../../lib/orders/order-schemas.js';
import type { OrderStatus } from '../../lib/orders/order-state.js';

type PaymentMethod = 'cash' | 'card' | 'alipay' | 'wechat_pay' | 'other';

interface DemoOrder {
  orderId: string;
  body: CreateOrderInput;
  target: OrderStatus;
  paidWith?: PaymentMethod;
  fulfilment?: { carrier?: string; trackingNumber?: string };
  cancelReason?: string;
  refund?: RefundOrderInput;
  /** Placed this long before the seed runs, with the normal time to pay (so already expired). */
  placedMinutesAgo?: number;
}

const DAYS_TO_PAY = 30;

/** The last one marks a finished seed. */
const DEMO_ORDERS: DemoOrder[] = [
  {
    orderId: 'or_demo_syd_pending',
    body: {
      storeId: 'st_syd_cbd',
      channel: 'in_store',
      customerId: 'cu_mia_chen',
      lines: [
        { sku: 'ACU-OAS-2W-BC84-M100', quantity: 2 },
        { sku: 'BL-BIOT-SOL-300', quantity: 1 },
      ],
    },
    target: 'PENDING_PAYMENT',
  },
  {
    orderId: 'or_demo_syd_paid',
    body: { storeId: 'st_syd_cbd', channel: 'online', lines: [{ sku: 'ALC-OFPM-300', quantity: 1 }] },
    target: 'PAID',
    paidWith: 'card',
  },
  {
    orderId: 'or_demo_web_fulfilled',
    body: {
      storeId: 'st_web',
      channel: 'online',
      customerId: 'cu_aroha_ngata',
      lines: [{ sku: 'ALC-DT1-1D-M100', quantity: 2 }],
    },
    target: 'FULFILLED',
    paidWith: 'card',
    fulfilment: { carrier: 'Australia Post', trackingNumber: '33LQZ5012345' },
  },
  {
    orderId: 'or_demo_melb_completed',
    body: {
      storeId: 'st_melb_cbd',
      channel: 'in_store',
      customerId: 'cu_james_wilson',
      lines: [
        { sku: 'CV-BIOF-1M-M100', quantity: 2 },
        { sku: 'FLT-CLOTH-15', quantity: 2 },
      ],
    },
    target: 'COMPLETED',
    paidWith: 'wechat_pay',
  },
  {
    orderId: 'or_demo_syd_refunded',
    body: { storeId: 'st_syd_cbd', channel: 'in_store', lines: [{ sku: 'RB-2140-901-50', quantity: 1 }] },
    target: 'COMPLETED',
    paidWith: 'cash',
    refund: {
      lines: [{ sku: 'RB-2140-901-50', quantity: 1 }],
      restock: 'unavailable',
      reason: 'Hinge broken',
    },
  },
  {
    orderId: 'or_demo_par_pending',
    body: { storeId: 'st_parramatta', channel: 'in_store', lines: [{ sku: 'BLK-CONT-10', quantity: 1 }] },
    target: 'PENDING_PAYMENT',
  },
  {
    orderId: 'or_demo_par_cancelled',
    body: { storeId: 'st_parramatta', channel: 'in_store', lines: [{ sku: 'ACU-MST-1D-M100', quantity: 1 }] },
    target: 'CANCELLED',
    cancelReason: 'Customer changed their mind',
  },
  {
    orderId: 'or_demo_geelong_abandoned',
    body: { storeId: 'st_geelong', channel: 'in_store', lines: [{ sku: 'ALC-OFPM-300', quantity: 1 }] },
    target: 'PENDING_PAYMENT',
    placedMinutesAgo: 120,
  },
];

const MARKER_ORDER_ID = 'or_demo_geelong_abandoned';

const FORWARD: readonly OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'COMPLETED'];

/** Moves an order forward one status at a time until it reaches the demo target. */
const advance = async (actor: SystemActor, spec: DemoOrder, placed: OrderDetail, now: Date) => {
  let order = placed;
  if (spec.target === 'CANCELLED') {
    if (order.status === 'PENDING_PAYMENT' || order.status === 'PAID')
      order = await cancelOrder(actor, order.orderId, spec.cancelReason ?? 'Demo', now);
    return;
  }
  while (FORWARD.includes(order.status) && FORWARD.indexOf(order.status) < FORWARD.indexOf(spec.target)) {
    if (order.status === 'PENDING_PAYMENT')
      order = await recordPayment(
        actor,
        order.orderId,
        { method: spec.paidWith ?? 'card', amount: order.amountDue },
        now,
      );
    else if (order.status === 'PAID')
      order = await fulfilOrder(actor, order.orderId, spec.fulfilment ?? {}, now);
    else order = await completeOrder(actor, order.orderId, now);
  }
  if (spec.refund && order.status === spec.target && order.refunds.length === 0)
    await refundOrder(actor, order.orderId, spec.refund, now);
};

const placeDemoOrder = async (actor: SystemActor, spec: DemoOrder, now: Date): Promise<OrderDetail> => {
  const { customerId, ...rest } = spec.body;
  const body = customerId && (await findCustomer(customerId)) ? spec.body : rest;
  const placedAt = new Date(now.getTime() - (spec.placedMinutesAgo ?? 0) * 60_000);
  const { order } = await placeOrder(actor, body, `seed-${spec.orderId}`, {
    orderId: spec.orderId,
    now: placedAt,
    ...(spec.placedMinutesAgo ? {} : { paymentTimeoutMinutes: DAYS_TO_PAY * 24 * 60 }),
  });
  return order;
};

export interface SeedOrdersResult {
  created: boolean;
  orders: number;
}

export const seedOrders = async (actor: SystemActor): Promise<SeedOrdersResult> => {
  if (await loadOrderDetail(MARKER_ORDER_ID)) return { created: false, orders: DEMO_ORDERS.length };
  const now = new Date();
  for (const spec of DEMO_ORDERS) {
    const order = (await loadOrderDetail(spec.orderId)) ?? (await placeDemoOrder(actor, spec, now));
    await advance(actor, spec, order, now);
  }
  return { created: true, orders: DEMO_ORDERS.length };
};
