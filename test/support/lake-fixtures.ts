/**
 * Change objects for the lake tests, in the exporter's format (lib/lake/changes-table.ts):
 * gzipped NDJSON under `changes/entity=<E>/dt=<D>/<shard>-<firstSequence>.ndjson.gz`, with item
 * images shaped as the repositories store them.
 */
import { gzipSync } from 'node:zlib';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ChangeRow, ItemImage } from '../../lib/lake/compact-changes-read.js';

let sequence = 1_000_000_000_000_000_000n;

export const resetSequence = () => {
  sequence = 1_000_000_000_000_000_000n;
};

/** One change of an item; `pk`/`sk` and the entity come from the image (or `old` for a removal). */
export const change = (
  eventName: ChangeRow['event_name'],
  image: ItemImage | undefined,
  options: { old?: ItemImage; at: string },
): ChangeRow => {
  const item = image ?? options.old ?? {};
  sequence += 100n;
  return {
    event_id: `evt-${sequence}`,
    event_name: eventName,
    entity_type: String(item.entityType),
    pk: String(item.pk),
    sk: String(item.sk),
    sequence_number: String(sequence),
    approximate_creation_time: options.at,
    actor: typeof item.updatedBy === 'string' ? item.updatedBy : 'system',
    old_image: options.old ?? null,
    new_image: image ?? null,
  };
};

export const changeObjectKey = (entity: string, day: string, shard: string, rows: readonly ChangeRow[]) =>
  `changes/entity=${entity}/dt=${day}/${shard}-${rows[0]?.sequence_number ?? '0'}.ndjson.gz`;

/** Writes rows as one batch object of one shard, grouped per entity (as the exporter splits them). */
export const putChanges = async (
  s3: S3Client,
  bucket: string,
  day: string,
  rows: readonly ChangeRow[],
  shard = 'shardId-00000001',
): Promise<string[]> => {
  const byEntity = new Map<string, ChangeRow[]>();
  for (const row of rows) byEntity.set(row.entity_type, [...(byEntity.get(row.entity_type) ?? []), row]);
  const keys: string[] = [];
  for (const [entity, entityRows] of byEntity) {
    const key = changeObjectKey(entity, day, shard, entityRows);
    const body = gzipSync(`${entityRows.map((row) => JSON.stringify(row)).join('\n')}\n`);
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentEncoding: 'identity' }),
    );
    keys.push(key);
  }
  return keys;
};

const meta = (at: string, version = 1, by = 'usr_manager') => ({
  createdAt: at,
  updatedAt: at,
  version,
  updatedBy: by,
});

export const storeImage = (storeId: string, region: string, at: string) => ({
  pk: `STORE#${storeId}`,
  sk: 'STORE',
  entityType: 'Store',
  storeId,
  code: storeId.toUpperCase(),
  name: `Store ${storeId}`,
  address: { line1: '1 George St', city: 'Sydney', postcode: '2000', country: 'AU' },
  region,
  channels: ['in_store', 'online'],
  timezone: 'Australia/Sydney',
  status: 'active',
  pricesIncludeTax: true,
  ...meta(at),
});

export const productImage = (
  productId: string,
  category: string,
  variants: { sku: string; price: number; cost: number }[],
  at: string,
  version = 1,
) => ({
  pk: `PRODUCT#${productId}`,
  sk: 'PRODUCT',
  entityType: 'Product',
  productId,
  name: `Product ${productId}`,
  description: '',
  category,
  brand: 'Acme',
  status: 'active',
  attributes: {},
  variants: variants.map((variant) => ({ ...variant, currency: 'AUD', options: { size: 'M' } })),
  ...meta(at, version),
});

export const customerImage = (customerId: string, preferredStoreId: string, at: string) => ({
  pk: `CUSTOMER#${customerId}`,
  sk: 'CUSTOMER',
  entityType: 'Customer',
  customerId,
  firstName: 'Alice',
  lastName: 'Nguyen',
  email: 'alice@example.com',
  phone: '+61400000000',
  birthDate: '1990-05-01',
  marketingOptIn: true,
  preferences: { preferredStoreId, contactChannel: 'email' },
  tags: ['vip', 'contact-lens'],
  prescription: { right: { sphere: -2.5 }, left: { sphere: -2.25 } },
  pointsBalance: 120,
  ...meta(at),
});

export const levelImage = (storeId: string, sku: string, productId: string, onHand: number, at: string) => ({
  pk: `STORE#${storeId}`,
  sk: `INV#${sku}`,
  entityType: 'InventoryLevel',
  storeId,
  sku,
  productId,
  onHand,
  committed: 0,
  unavailable: 0,
  available: onHand,
  incoming: 0,
  reorderRule: { reorderPoint: 5, reorderQuantity: 10 },
  version: 1,
  updatedAt: at,
  updatedBy: 'usr_manager',
});

export const movementImage = (
  storeId: string,
  sku: string,
  productId: string,
  onHandDelta: number,
  reason: string,
  at: string,
  movementId: string,
) => ({
  pk: `MOVES#${storeId}#${sku}`,
  sk: `${at}#${movementId}`,
  entityType: 'InventoryMovement',
  movementId,
  storeId,
  sku,
  productId,
  reason,
  onHandDelta,
  committedDelta: 0,
  unavailableDelta: 0,
  incomingDelta: 0,
  reference: { type: 'order', id: 'ord_1' },
  actor: 'usr_staff',
  at,
});

export interface OrderLineFixture {
  sku: string;
  productId: string;
  category: string;
  quantity: number;
  unitPrice: number;
  refundedQuantity?: number;
}

export const orderImage = (order: {
  orderId: string;
  storeId: string;
  channel: string;
  status: string;
  customerId?: string;
  lines: OrderLineFixture[];
  amountPaid?: number;
  amountRefunded?: number;
  createdAt: string;
  updatedAt?: string;
  version?: number;
}) => {
  const lines = order.lines.map((line) => {
    const subtotal = line.quantity * line.unitPrice;
    return {
      sku: line.sku,
      productId: line.productId,
      name: `Item ${line.sku}`,
      options: {},
      category: line.category,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineSubtotal: subtotal,
      discount: 0,
      lineTotal: subtotal,
      allocatedDiscount: 0,
      netTotal: subtotal,
      taxCategory: line.category,
      taxName: 'GST',
      taxRate: 1000,
      taxAmount: Math.round(subtotal / 11),
      refundedQuantity: line.refundedQuantity ?? 0,
    };
  });
  const total = lines.reduce((sum, line) => sum + line.netTotal, 0);
  const amountPaid = order.amountPaid ?? 0;
  return {
    pk: `ORDER#${order.orderId}`,
    sk: 'ORDER',
    entityType: 'Order',
    orderId: order.orderId,
    storeId: order.storeId,
    channel: order.channel,
    ...(order.customerId ? { customerId: order.customerId } : {}),
    status: order.status,
    currency: 'AUD',
    lines,
    appliedPromotions: [],
    subtotal: total,
    discountTotal: 0,
    pointsRedeemed: 0,
    pointsDiscount: 0,
    pricesIncludeTax: true,
    taxTotal: lines.reduce((sum, line) => sum + line.taxAmount, 0),
    taxRefunded: 0,
    total,
    amountPaid,
    amountDue: total - amountPaid,
    amountRefunded: order.amountRefunded ?? 0,
    refundableAmount: amountPaid - (order.amountRefunded ?? 0),
    pointsEarned: 0,
    expiresAt: order.createdAt,
    createdBy: 'usr_staff',
    createdAt: order.createdAt,
    updatedAt: order.updatedAt ?? order.createdAt,
    version: order.version ?? 1,
    updatedBy: 'usr_staff',
  };
};

export const paymentImage = (
  orderId: string,
  paymentId: string,
  method: string,
  amount: number,
  at: string,
) => ({
  pk: `ORDER#${orderId}`,
  sk: `PAYMENT#${at}#${paymentId}`,
  entityType: 'Payment',
  paymentId,
  orderId,
  method,
  amount,
  createdAt: at,
  createdBy: 'usr_staff',
});

export const refundImage = (
  orderId: string,
  refundId: string,
  line: { sku: string; quantity: number; amount: number },
  at: string,
) => ({
  pk: `ORDER#${orderId}`,
  sk: `REFUND#${at}#${refundId}`,
  entityType: 'Refund',
  refundId,
  orderId,
  amount: line.amount,
  lines: [{ ...line, tax: Math.round(line.amount / 11) }],
  tax: Math.round(line.amount / 11),
  restock: 'available',
  reason: 'Changed mind',
  pointsReturned: 0,
  pointsReversed: 0,
  pointsNotReversed: 0,
  createdAt: at,
  createdBy: 'usr_manager',
});

export const transferImage = (transferId: string, from: string, to: string, status: string, at: string) => ({
  pk: `TRANSFER#${transferId}`,
  sk: 'TRANSFER',
  entityType: 'Transfer',
  transferId,
  fromStoreId: from,
  toStoreId: to,
  status,
  lines: [{ sku: 'SKU-A', productId: 'prd_1', quantity: 3, shipped: 3 }],
  createdBy: 'usr_manager',
  ...(status === 'SHIPPED' ? { shippedAt: at } : {}),
  ...meta(at),
});

export const purchaseOrderImage = (purchaseOrderId: string, storeId: string, at: string) => ({
  pk: `PO#${purchaseOrderId}`,
  sk: 'PO',
  entityType: 'PurchaseOrder',
  purchaseOrderId,
  supplierId: 'sup_1',
  storeId,
  status: 'ORDERED',
  currency: 'AUD',
  lines: [{ sku: 'SKU-B', productId: 'prd_1', quantity: 10, unitCost: 1000, received: 0, lineTotal: 10_000 }],
  total: 10_000,
  createdBy: 'usr_manager',
  orderedAt: at,
  ...meta(at),
});
