import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReceipt, localTime, taxBreakdownOf } from '../../../lib/orders/receipt.js';
import type { Receipt } from '../../../lib/orders/receipt-schemas.js';
import { formatMoney, formatRate, RECEIPT_WIDTH, receiptText } from '../../../lib/orders/receipt-text.js';
import { line, sampleOrder } from './sample-order.js';

const store = {
  storeId: 'st_syd',
  code: 'SYD-01',
  name: 'Sydney CBD',
  address: { line1: '1 George St', city: 'Sydney', state: 'NSW', postcode: '2000', country: 'AU' as const },
  region: 'nsw',
  channels: ['in_store' as const],
  timezone: 'Australia/Sydney',
  status: 'active' as const,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  version: 1,
  updatedBy: 'x',
};

const order = sampleOrder({
  status: 'PAID',
  receiptNumber: 'SYD-01-000042',
  paidAt: '2030-01-01T03:04:05.000Z',
  customerId: 'cu_mia',
  lines: [
    line({ name: 'Acuvue Oasys', options: { power: '-2.50' }, taxName: 'GST-free' }),
    line({
      sku: 'CARE-1',
      name: 'Opti-Free PureMoist multi-purpose disinfecting solution 300 mL twin pack',
      quantity: 1,
      unitPrice: 4000,
      lineSubtotal: 4000,
      discount: 400,
      lineTotal: 3600,
      allocatedDiscount: 100,
      netTotal: 3500,
      taxName: 'GST',
      taxRate: 1000,
      taxAmount: 318,
    }),
  ],
  appliedPromotions: [{ promotionId: 'pm_1', name: 'Lens care 10%', amount: 400 }],
  subtotal: 10_000,
  discountTotal: 400,
  pointsRedeemed: 100,
  pointsDiscount: 100,
  taxTotal: 318,
  total: 9500,
  amountPaid: 9500,
});

const receipt = (): Receipt =>
  buildReceipt(
    {
      ...order,
      receiptNumber: 'SYD-01-000042',
      paidAt: '2030-01-01T03:04:05.000Z',
      payments: [
        {
          paymentId: 'pa_1',
          orderId: order.orderId,
          method: 'card',
          amount: 9500,
          reference: 'EFTPOS 1',
          createdAt: '2030-01-01T03:04:05.000Z',
          createdBy: 'till',
        },
      ],
      refunds: [
        {
          refundId: 'rf_1',
          orderId: order.orderId,
          amount: 1750,
          lines: [],
          tax: 159,
          creditNoteNumber: 'SYD-01-CN-000007',
          restock: 'none',
          reason: 'x',
          pointsReturned: 0,
          pointsReversed: 0,
          pointsNotReversed: 0,
          createdAt: '2030-01-02T00:00:00.000Z',
          createdBy: 'mgr',
        },
      ],
    },
    store,
  );

describe('the receipt', () => {
  it('breaks tax down by rate and shows the sale in the store’s time', () => {
    const built = receipt();
    expect(built.issuedAtLocal).toBe('2030-01-01 14:04');
    expect(built.taxBreakdown).toEqual([
      { taxName: 'GST-free', taxRate: 0, netAmount: 6000, taxAmount: 0, grossAmount: 6000 },
      { taxName: 'GST', taxRate: 1000, netAmount: 3182, taxAmount: 318, grossAmount: 3500 },
    ]);
    expect(built.creditNotes).toEqual([
      {
        creditNoteNumber: 'SYD-01-CN-000007',
        refundId: 'rf_1',
        amount: 1750,
        tax: 159,
        at: '2030-01-02T00:00:00.000Z',
      },
    ]);
    expect(taxBreakdownOf([]).length).toBe(0);
  });

  it('prints at most 42 columns with the number, lines, discounts, tax included, payments and credit notes', () => {
    const text = receiptText(receipt());
    const lines = text.split('\n');
    for (const printed of lines) expect(printed.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).toContain('TAX INVOICE');
    expect(lines).toContain(`Receipt${' '.repeat(42 - 7 - 13)}SYD-01-000042`);
    expect(lines).toContain(`TOTAL AUD${' '.repeat(42 - 9 - 5)}95.00`);
    expect(lines.some((printed) => /^ {2}Includes GST 10% +3\.18$/.test(printed))).toBe(true);
    expect(lines.some((printed) => /^Lens care 10% +-4\.00$/.test(printed))).toBe(true);
    expect(lines.some((printed) => /^Points redeemed \(100\) +-1\.00$/.test(printed))).toBe(true);
    expect(lines.some((printed) => /^Card EFTPOS 1 +95\.00$/.test(printed))).toBe(true);
    expect(lines.some((printed) => /^Credit note +SYD-01-CN-000007$/.test(printed))).toBe(true);
    expect(lines.some((printed) => printed.startsWith('Opti-Free PureMoist') && printed.endsWith('~'))).toBe(
      true,
    );
  });

  it('adds tax below the subtotal when prices exclude it', () => {
    const text = receiptText({ ...receipt(), pricesIncludeTax: false });
    expect(text).toMatch(/\nGST 10% +3\.18\nTOTAL AUD/);
    expect(text).not.toContain('Includes');
  });

  it('keeps to 42 columns whatever the names and amounts', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.string({ minLength: 1, maxLength: 120 }),
        (name, amount, storeName) => {
          const base = receipt();
          const text = receiptText({
            ...base,
            store: { ...base.store, name: storeName },
            lines: base.lines.map((each) => ({ ...each, name, lineSubtotal: amount })),
            total: amount,
          });
          for (const printed of text.split('\n')) expect(printed.length).toBeLessThanOrEqual(RECEIPT_WIDTH);
        },
      ),
    );
  });
});

describe('formatting', () => {
  it('writes money in the currency’s digits and rates as percentages', () => {
    expect(formatMoney(9500, 'AUD')).toBe('95.00');
    expect(formatMoney(-5, 'CNY')).toBe('-0.05');
    expect(formatMoney(1200, 'JPY')).toBe('1200');
    expect(formatRate(1000)).toBe('10%');
    expect(formatRate(1250)).toBe('12.5%');
    expect(formatRate(0)).toBe('0%');
    expect(localTime('2030-06-30T16:30:00Z', 'Asia/Shanghai')).toBe('2030-07-01 00:30');
  });
});
