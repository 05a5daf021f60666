import { describe, expect, it } from 'vitest';
import { cancelOrder, fulfilOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { getOrder } from '../../lib/orders/order-queries.js';
import { getOrderReceipt } from '../../lib/orders/order-receipts.js';
import { refundOrder } from '../../lib/orders/order-refunds.js';
import { RECEIPT_WIDTH, receiptText } from '../../lib/orders/receipt-text.js';
import { admin, managerOf } from '../support/fixtures.js';
import { newCustomer, place, staffAt, stockedSkus } from '../support/order-fixtures.js';
import { newTaxedStore } from '../support/tax-fixtures.js';

const pay = (orderId: string, amount: number) => recordPayment(admin, orderId, { method: 'card', amount });

describe('receipt numbers (DynamoDB Local)', () => {
  it('numbers a store’s receipts in the transaction that makes the order PAID, without gaps', async () => {
    const { storeId, code } = await newTaxedStore();
    const { skus } = await stockedSkus(storeId, [50]);
    const sku = skus[0] as string;
    const first = await place(admin, storeId, [{ sku, quantity: 1 }]);
    const partly = await pay(first.orderId, 1000);
    expect(partly.receiptNumber).toBeUndefined();
    const paid = await pay(first.orderId, first.total - 1000);
    expect(paid).toMatchObject({ status: 'PAID', receiptNumber: `${code}-000001` });
    expect((await getOrder(admin, first.orderId)).receiptNumber).toBe(`${code}-000001`);

    // Unpaid and cancelled orders take no number.
    const dropped = await place(admin, storeId, [{ sku, quantity: 1 }]);
    await cancelOrder(admin, dropped.orderId, 'left');
    const second = await place(admin, storeId, [{ sku, quantity: 1 }]);
    expect((await pay(second.orderId, second.total)).receiptNumber).toBe(`${code}-000002`);

    // Another store counts on its own.
    const other = await newTaxedStore();
    const { skus: otherSkus } = await stockedSkus(other.storeId, [1]);
    const elsewhere = await place(admin, other.storeId, [{ sku: otherSkus[0] as string, quantity: 1 }]);
    expect((await pay(elsewhere.orderId, elsewhere.total)).receiptNumber).toBe(`${other.code}-000001`);
  });

  it('gives concurrent sales at one store distinct consecutive numbers', async () => {
    const { storeId, code } = await newTaxedStore();
    const { skus } = await stockedSkus(storeId, [20]);
    const orders = await Promise.all(
      Array.from({ length: 6 }, () => place(admin, storeId, [{ sku: skus[0] as string, quantity: 1 }])),
    );
    const paid = await Promise.all(orders.map((order) => pay(order.orderId, order.total)));
    expect(paid.map((order) => order.receiptNumber).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `${code}-00000${n}`),
    );
  });

  it('issues the receipt at placement when points pay for everything', async () => {
    const { storeId, code } = await newTaxedStore();
    const { skus } = await stockedSkus(storeId, [1]);
    const customerId = await newCustomer(10_000);
    const order = await place(admin, storeId, [{ sku: skus[0] as string, quantity: 1 }], {
      customerId,
      pointsToRedeem: 4500,
    });
    expect(order).toMatchObject({ status: 'PAID', total: 0, receiptNumber: `${code}-000001` });
  });

  it('numbers credit notes per store on a counter of their own, for refunds and paid cancels', async () => {
    const { storeId, code } = await newTaxedStore();
    const { skus } = await stockedSkus(storeId, [10]);
    const sku = skus[0] as string;
    const sold = await place(admin, storeId, [{ sku, quantity: 2 }]);
    await pay(sold.orderId, sold.total);
    await fulfilOrder(admin, sold.orderId, {});
    const refunded = await refundOrder(admin, sold.orderId, {
      lines: [{ sku, quantity: 1 }],
      restock: 'available',
      reason: 'wrong power',
    });
    expect(refunded.refunds[0]?.creditNoteNumber).toBe(`${code}-CN-000001`);

    const cancelled = await place(admin, storeId, [{ sku, quantity: 1 }]);
    await pay(cancelled.orderId, cancelled.total);
    const afterCancel = await cancelOrder(managerOf(storeId), cancelled.orderId, 'changed mind');
    expect(afterCancel.receiptNumber).toBe(`${code}-000002`);
    expect(afterCancel.refunds[0]).toMatchObject({ creditNoteNumber: `${code}-CN-000002`, tax: 0 });

    // A part-paid order never had a receipt: its refund on cancel is not a credit note.
    const partPaid = await place(admin, storeId, [{ sku, quantity: 1 }]);
    await pay(partPaid.orderId, 100);
    const partCancelled = await cancelOrder(admin, partPaid.orderId, 'left');
    expect(partCancelled.refunds[0]?.creditNoteNumber).toBeUndefined();
  });
});

describe('receipts', () => {
  it('sums up a paid order: store, lines, discounts, tax by rate, payments, points, credit notes', async () => {
    const { storeId, code } = await newTaxedStore();
    const { skus } = await stockedSkus(storeId, [5, 5]);
    const customerId = await newCustomer(200);
    const order = await place(admin, storeId, [{ sku: skus[0] as string, quantity: 2 }], {
      customerId,
      pointsToRedeem: 200,
    });
    await pay(order.orderId, 4000);
    await recordPayment(admin, order.orderId, { method: 'cash', amount: order.total - 4000 });
    const receipt = await getOrderReceipt(staffAt(storeId), order.orderId);
    expect(receipt).toMatchObject({
      receiptNumber: `${code}-000001`,
      orderId: order.orderId,
      store: { storeId, code, name: 'Test Store', timezone: 'Australia/Sydney' },
      currency: 'AUD',
      pricesIncludeTax: true,
      subtotal: 9000,
      pointsRedeemed: 200,
      pointsDiscount: 200,
      total: 8800,
      taxTotal: 0,
      taxBreakdown: [{ taxName: 'GST-free', taxRate: 0, netAmount: 8800, taxAmount: 0, grossAmount: 8800 }],
      payments: [
        { method: 'card', amount: 4000 },
        { method: 'cash', amount: 4800 },
      ],
      amountPaid: 8800,
      creditNotes: [],
    });
    expect(receipt.lines).toMatchObject([{ sku: skus[0], quantity: 2, amount: 8800, taxAmount: 0 }]);
    expect(receipt.issuedAtLocal).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const text = receiptText(receipt);
    expect(text).toContain(`${code}-000001`);
    expect(text).toContain('TOTAL AUD');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
  });

  it('is 404 for an unpaid order and for another store’s', async () => {
    const { storeId } = await newTaxedStore();
    const { skus } = await stockedSkus(storeId, [5]);
    const order = await place(admin, storeId, [{ sku: skus[0] as string, quantity: 1 }]);
    await expect(getOrderReceipt(admin, order.orderId)).rejects.toMatchObject({ status: 404 });
    await pay(order.orderId, order.total);
    await expect(getOrderReceipt(staffAt('st_other'), order.orderId)).rejects.toMatchObject({ status: 404 });
    await expect(getOrderReceipt(admin, 'or_missing')).rejects.toMatchObject({ status: 404 });
  });
});
