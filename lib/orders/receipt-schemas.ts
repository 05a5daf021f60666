import { MinorUnits, Sku } from '../catalog/product-schemas.js';
import { ResourceId } from '../http/common-schemas.js';
import { Address } from '../stores/store-schemas.js';
import * as z from '../zod.js';
import { PAYMENT_METHODS } from './order-schemas.js';

export const TaxBreakdownSchema = /* @__PURE__ */ (() =>
  z
    .object({
      taxName: z.string(),
      taxRate: z.number().check(z.int()).clone().register(z.globalRegistry, { description: 'Basis points.' }),
      netAmount: MinorUnits.clone().register(z.globalRegistry, {
        description: 'What was sold at this rate, before tax.',
      }),
      taxAmount: MinorUnits,
      grossAmount: MinorUnits.clone().register(z.globalRegistry, { description: 'netAmount + taxAmount.' }),
    })
    .clone()
    .register(z.globalRegistry, { id: 'ReceiptTaxBreakdown' }))();
export type TaxBreakdown = z.output<typeof TaxBreakdownSchema>;

export const ReceiptSchema = /* @__PURE__ */ (() =>
  z
    .object({
      receiptNumber: z.string().clone().register(z.globalRegistry, { example: 'SYD-01-000123' }),
      orderId: ResourceId,
      issuedAt: z.iso
        .datetime()
        .clone()
        .register(z.globalRegistry, { description: 'When the order was paid.' }),
      issuedAtLocal: z.string().clone().register(z.globalRegistry, {
        description: 'The same instant in the store’s time zone.',
        example: '2026-12-01 14:05',
      }),
      store: z.object({
        storeId: ResourceId,
        code: z.string(),
        name: z.string(),
        address: Address,
        timezone: z.string(),
      }),
      channel: z.string(),
      customerId: z.optional(ResourceId),
      currency: z.string(),
      pricesIncludeTax: z.boolean(),
      lines: z.array(
        z.object({
          sku: Sku,
          name: z.string(),
          options: z.record(z.string(), z.string()),
          quantity: z.number().check(z.int()),
          unitPrice: MinorUnits,
          lineSubtotal: MinorUnits,
          discount: MinorUnits.clone().register(z.globalRegistry, {
            description: 'Promotions on this line.',
          }),
          allocatedDiscount: MinorUnits.clone().register(z.globalRegistry, {
            description: 'Its share of points and order-wide reductions.',
          }),
          amount: MinorUnits.clone().register(z.globalRegistry, {
            description: 'What the customer paid for the line, tax included.',
          }),
          taxName: z.string(),
          taxRate: z.number().check(z.int()),
          taxAmount: MinorUnits,
        }),
      ),
      promotions: z.array(
        z.object({ name: z.string(), couponCode: z.optional(z.string()), amount: MinorUnits }),
      ),
      subtotal: MinorUnits,
      discountTotal: MinorUnits,
      pointsRedeemed: z.number().check(z.int()),
      pointsDiscount: MinorUnits,
      taxTotal: MinorUnits,
      total: MinorUnits,
      taxBreakdown: z.array(TaxBreakdownSchema),
      payments: z.array(
        z.object({
          method: z.enum(PAYMENT_METHODS),
          amount: MinorUnits,
          reference: z.optional(z.string()),
          at: z.iso.datetime(),
        }),
      ),
      amountPaid: MinorUnits,
      pointsEarned: z
        .number()
        .check(z.int())
        .clone()
        .register(z.globalRegistry, { description: 'Credited when the order completes.' }),
      creditNotes: z.array(
        z.object({
          creditNoteNumber: z.string(),
          refundId: ResourceId,
          amount: MinorUnits,
          tax: MinorUnits,
          at: z.iso.datetime(),
        }),
      ),
    })
    .clone()
    .register(z.globalRegistry, { id: 'Receipt', description: 'A tax invoice for a paid order.' }))();
export type Receipt = z.output<typeof ReceiptSchema>;
