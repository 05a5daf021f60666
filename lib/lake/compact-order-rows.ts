import type { ItemImage } from './compact-changes-read.js';
import { canonicalJson, flag, integer, listAt, sumOf, text } from './compact-values.js';
import type { LakeRow } from './parquet-table.js';
import { customerKey } from './pseudonym.js';

/** Row mappers of the sales tables (lib/lake/curated-tables.ts): orders, order_lines, payments, refunds. */

/** What the catalog says of a SKU at the end of the day (products state). */
export interface SkuFacts {
  cost: number | null;
  currency: string | null;
  category: string | null;
}
export type SkuLookup = (sku: string) => SkuFacts | undefined;

export const orderRow = (order: ItemImage): LakeRow => {
  const lines = listAt(order, 'lines');
  const customerId = text(order, 'customerId');
  return {
    order_id: text(order, 'orderId'),
    store_id: text(order, 'storeId'),
    channel: text(order, 'channel'),
    customer_key: customerId === null ? null : customerKey(customerId),
    status: text(order, 'status'),
    currency: text(order, 'currency'),
    line_count: lines.length,
    units: sumOf(lines, 'quantity'),
    subtotal: integer(order, 'subtotal'),
    discount_total: integer(order, 'discountTotal'),
    points_discount: integer(order, 'pointsDiscount'),
    // Orders placed before tax was recorded read as untaxed (as lib/orders/order-repository.ts does).
    tax_total: integer(order, 'taxTotal') ?? 0,
    tax_refunded: integer(order, 'taxRefunded') ?? 0,
    total: integer(order, 'total'),
    amount_paid: integer(order, 'amountPaid'),
    amount_due: integer(order, 'amountDue'),
    amount_refunded: integer(order, 'amountRefunded'),
    prices_include_tax: flag(order, 'pricesIncludeTax') ?? true,
    coupon_code: text(order, 'couponCode'),
    receipt_number: text(order, 'receiptNumber'),
    created_at: text(order, 'createdAt'),
    paid_at: text(order, 'paidAt'),
    fulfilled_at: text(order, 'fulfilledAt'),
    completed_at: text(order, 'completedAt'),
    cancelled_at: text(order, 'cancelledAt'),
    updated_at: text(order, 'updatedAt'),
    version: integer(order, 'version'),
  };
};

/** The order's lines, each costed at the catalog's unit cost when the currency agrees. */
export const orderLineRows = (order: ItemImage, skuFacts: SkuLookup): LakeRow[] => {
  const currency = text(order, 'currency');
  return listAt(order, 'lines').map((line, index) => {
    const sku = text(line, 'sku');
    const quantity = integer(line, 'quantity');
    const facts = sku === null ? undefined : skuFacts(sku);
    const unitCost = facts && facts.currency === currency ? facts.cost : null;
    return {
      order_id: text(order, 'orderId'),
      line_number: index + 1,
      store_id: text(order, 'storeId'),
      channel: text(order, 'channel'),
      order_status: text(order, 'status'),
      order_created_at: text(order, 'createdAt'),
      currency,
      sku,
      product_id: text(line, 'productId'),
      category: text(line, 'category'),
      quantity,
      refunded_quantity: integer(line, 'refundedQuantity') ?? 0,
      unit_price: integer(line, 'unitPrice'),
      line_subtotal: integer(line, 'lineSubtotal'),
      discount: integer(line, 'discount'),
      allocated_discount: integer(line, 'allocatedDiscount'),
      net_total: integer(line, 'netTotal'),
      tax_amount: integer(line, 'taxAmount') ?? 0,
      tax_rate: integer(line, 'taxRate') ?? 0,
      unit_cost: unitCost,
      cost: unitCost === null || quantity === null ? null : unitCost * quantity,
      version: integer(order, 'version'),
    };
  });
};

/** Payment and refund items carry only their order's id: store and currency come from the order. */
export interface OrderFacts {
  storeId: string | null;
  currency: string | null;
}
export type OrderLookup = (orderId: string) => OrderFacts | undefined;

export const paymentRow = (payment: ItemImage, orders: OrderLookup): LakeRow => {
  const orderId = text(payment, 'orderId');
  const order = orderId === null ? undefined : orders(orderId);
  return {
    payment_id: text(payment, 'paymentId'),
    order_id: orderId,
    store_id: order?.storeId ?? null,
    currency: order?.currency ?? null,
    method: text(payment, 'method'),
    amount: integer(payment, 'amount'),
    created_at: text(payment, 'createdAt'),
    created_by: text(payment, 'createdBy'),
  };
};

export const refundRow = (refund: ItemImage, orders: OrderLookup): LakeRow => {
  const orderId = text(refund, 'orderId');
  const order = orderId === null ? undefined : orders(orderId);
  const lines = listAt(refund, 'lines');
  return {
    refund_id: text(refund, 'refundId'),
    order_id: orderId,
    store_id: order?.storeId ?? null,
    currency: order?.currency ?? null,
    amount: integer(refund, 'amount'),
    tax: integer(refund, 'tax') ?? 0,
    units: sumOf(lines, 'quantity'),
    restock: text(refund, 'restock'),
    credit_note_number: text(refund, 'creditNoteNumber'),
    lines: canonicalJson(
      lines.map((line) => ({
        sku: text(line, 'sku'),
        quantity: integer(line, 'quantity'),
        amount: integer(line, 'amount'),
        tax: integer(line, 'tax') ?? 0,
      })),
    ),
    created_at: text(refund, 'createdAt'),
    created_by: text(refund, 'createdBy'),
  };
};
