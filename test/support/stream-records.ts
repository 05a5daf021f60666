import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

type Item = Record<string, unknown>;
let sequence = 1000;

/** A DynamoDB stream record as Lambda delivers it (NEW_AND_OLD_IMAGES), from plain items. */
export const streamRecord = (
  old: Item | undefined,
  now: Item | undefined,
  eventID = `evt-${++sequence}`,
): DynamoDBRecord => {
  const image = (item: Item | undefined) =>
    item ? (marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>) : undefined;
  const keyed = now ?? old ?? {};
  return {
    eventID,
    eventName: old && now ? 'MODIFY' : now ? 'INSERT' : 'REMOVE',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ap-southeast-2',
    dynamodb: {
      ApproximateCreationDateTime: 1_772_442_900,
      Keys: image({ pk: keyed.pk, sk: keyed.sk }) as never,
      ...(now ? { NewImage: image(now) as never } : {}),
      ...(old ? { OldImage: image(old) as never } : {}),
      SequenceNumber: String(++sequence),
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN:
      'arn:aws:dynamodb:ap-southeast-2:123456789012:table/storefleet/stream/2026-01-01T00:00:00.000',
  };
};

const meta = (version: number) => ({
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:15:00.000Z',
  version,
  updatedBy: 'user-1',
});

/** An inventory level item as stock-change.ts writes it. */
export const levelItem = (
  quantities: { onHand: number; committed?: number; unavailable?: number; incoming?: number },
  rule?: {
    reorderPoint: number;
    reorderQuantity: number;
    safetyStock?: number;
    preferredSupplierId?: string;
  },
  version = 2,
): Item => {
  const committed = quantities.committed ?? 0;
  const unavailable = quantities.unavailable ?? 0;
  const available = quantities.onHand - committed - unavailable;
  return {
    pk: 'STORE#st_1',
    sk: 'INV#SKU-1',
    entityType: 'InventoryLevel',
    storeId: 'st_1',
    sku: 'SKU-1',
    productId: 'pr_1',
    gsi9pk: 'INVENTORY#pr_1',
    gsi9sk: 'st_1#SKU-1',
    onHand: quantities.onHand,
    committed,
    unavailable,
    incoming: quantities.incoming ?? 0,
    available,
    ...(rule
      ? { reorderRule: rule, gsi4pk: 'STORE#st_1#REORDER', reorderGap: available - rule.reorderPoint }
      : {}),
    ...meta(version),
  };
};

export const orderItem = (status: string, extra: Item = {}, version = 1): Item => ({
  pk: 'ORDER#or_1',
  sk: 'ORDER',
  entityType: 'Order',
  orderId: 'or_1',
  storeId: 'st_1',
  customerId: 'cu_1',
  channel: 'in_store',
  status,
  currency: 'AUD',
  lines: [
    {
      sku: 'SKU-1',
      productId: 'pr_1',
      name: 'Lens',
      options: {},
      category: 'lenses',
      quantity: 2,
      unitPrice: 4500,
      lineSubtotal: 9000,
      discount: 0,
      lineTotal: 9000,
      allocatedDiscount: 0,
      netTotal: 9000,
      taxCategory: 'lenses',
      taxName: 'GST',
      taxRate: 1000,
      taxAmount: 818,
      refundedQuantity: 0,
    },
  ],
  appliedPromotions: [],
  subtotal: 9000,
  discountTotal: 0,
  pointsRedeemed: 0,
  pointsDiscount: 0,
  pricesIncludeTax: true,
  taxTotal: 818,
  taxRefunded: 0,
  total: 9000,
  amountPaid: status === 'PENDING_PAYMENT' ? 0 : 9000,
  amountDue: status === 'PENDING_PAYMENT' ? 9000 : 0,
  amountRefunded: 0,
  refundableAmount: status === 'PENDING_PAYMENT' ? 0 : 9000,
  pointsEarned: 0,
  expiresAt: '2026-03-02T09:45:00.000Z',
  createdBy: 'user-1',
  ...meta(version),
  ...extra,
});
