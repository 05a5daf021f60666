/**
 * Demo stock for local development, written through the services after stores and products
 * are seeded: levels for every demo store (received through stockChangeWrites), reorder rules
 * (some below their point), suppliers, and purchase orders and transfers in several states,
 * with fixed ids that the sample events (events/http/) use. Idempotent and resumable: every
 * step skips what is already there, and a finished run is recognised by its last transfer.
 */
import type { SystemActor } from '../../lib/db/item-meta.js';
import { transactWrite } from '../../lib/db/transact.js';
import { findStocktake } from '../../lib/inventory/inventory-repository.js';
import type { ReorderRuleInput, StocktakeInput } from '../../lib/inventory/inventory-schemas.js';
import { setReorderRule } from '../../lib/inventory/inventory-service.js';
import { requireProductIdsOfLines } from '../../lib/inventory/sku-catalog.js';
import { StockMismatchError, stockChangeWrites } from '../../lib/inventory/stock-change.js';
import { submitStocktake } from '../../lib/inventory/stocktake-service.js';
import { findPurchaseOrder } from '../../lib/purchasing/purchase-order-repository.js';
import type { PurchaseOrderStatus } from '../../lib/purchasing/purchase-order-rules.js';
import type { CreatePurchaseOrderInput } from '../../lib/purchasing/purchase-order-schemas.js';
import {
  createPurchaseOrder,
  orderPurchaseOrder,
  receivePurchaseOrder,
} from '../../lib/purchasing/purchase-order-service.js';
import { findSupplier } from '../../lib/suppliers/supplier-repository.js';
import type { CreateSupplierInput } from '../../lib/suppliers/supplier-schemas.js';
import { createSupplier } from '../../lib/suppliers/supplier-service.js';
import { findTransfer } from '../../lib/transfers/transfer-repository.js';
import type { TransferStatus } from '../../lib/transfers/transfer-rules.js';
import type { CreateTransferInput } from '../../lib/transfers/transfer-schemas.js';
import { createTransfer, readyTransfer, shipTransfer } from '../../lib/transfers/transfer-service.js';
import { DEMO_STORE_IDS, type DemoStoreId } from './seed-data.js';

/** Units on hand per SKU at an ordinary store; the warehouse-backed web shop has twice as many. */
const STOCKED_SKUS: Record<string, number> = {
  'ACU-OAS-2W-BC84-M100': 24,
  'ACU-OAS-2W-BC84-M125': 24,
  'ACU-MST-1D-M100': 30,
  'ALC-DT1-1D-M100': 24,
  'CV-BIOF-1M-M100': 24,
  'ALC-OFPM-300': 18,
  'BL-BIOT-SOL-300': 18,
  'BLK-CONT-10': 30,
  'RB-RX5154-2000-51': 4,
  'FLT-HARB-BLK-52': 4,
  'RB-2140-901-50': 6,
  'FLT-CLOTH-15': 50,
};

const STORE_FACTOR: Record<DemoStoreId, number> = {
  st_syd_cbd: 1,
  st_parramatta: 1,
  st_web: 2,
  st_melb_cbd: 1,
  st_geelong: 0.5,
};

/** Some below their reorder point (BLK-CONT-10 and RB-RX5154-2000-51 at Sydney, the frame at Parramatta). */
const REORDER_RULES: { storeId: DemoStoreId; sku: string; rule: ReorderRuleInput }[] = [
  { storeId: 'st_syd_cbd', sku: 'BLK-CONT-10', rule: { reorderPoint: 40, reorderQuantity: 60 } },
  {
    storeId: 'st_syd_cbd',
    sku: 'RB-RX5154-2000-51',
    rule: { reorderPoint: 5, reorderQuantity: 4, preferredSupplierId: 'sup_demo_luxottica' },
  },
  {
    storeId: 'st_syd_cbd',
    sku: 'ACU-OAS-2W-BC84-M100',
    rule: { reorderPoint: 10, reorderQuantity: 24, safetyStock: 4, preferredSupplierId: 'sup_demo_jnj' },
  },
  {
    storeId: 'st_syd_cbd',
    sku: 'ALC-OFPM-300',
    rule: { reorderPoint: 6, reorderQuantity: 24, preferredSupplierId: 'sup_demo_alcon' },
  },
  {
    storeId: 'st_parramatta',
    sku: 'FLT-HARB-BLK-52',
    rule: { reorderPoint: 4, reorderQuantity: 2, preferredSupplierId: 'sup_demo_luxottica' },
  },
];

const SUPPLIERS: { supplierId: string; body: CreateSupplierInput }[] = [
  {
    supplierId: 'sup_demo_jnj',
    body: {
      name: 'Johnson & Johnson Vision Care (Australia)',
      email: 'orders.au@jnjvision.example',
      phone: '+61 2 8875 0200',
      address: {
        line1: '1–5 Khartoum Road',
        city: 'Macquarie Park',
        state: 'NSW',
        postcode: '2113',
        country: 'AU',
      },
      leadTimeDays: 5,
      currency: 'AUD',
    },
  },
  {
    supplierId: 'sup_demo_alcon',
    body: {
      name: 'Alcon Laboratories (Australia)',
      email: 'trade.au@alcon.example',
      leadTimeDays: 7,
      currency: 'AUD',
    },
  },
  {
    supplierId: 'sup_demo_luxottica',
    body: { name: 'Luxottica Australia', phone: '+61 2 9886 8000', leadTimeDays: 14, currency: 'AUD' },
  },
];

const PURCHASE_ORDERS: {
  purchaseOrderId: string;
  status: PurchaseOrderStatus;
  body: CreatePurchaseOrderInput;
  receive?: { sku: string; quantity: number }[];
}[] = [
  {
    purchaseOrderId: 'po_demo_ordered',
    status: 'ORDERED',
    body: {
      supplierId: 'sup_demo_jnj',
      storeId: 'st_syd_cbd',
      currency: 'AUD',
      lines: [
        { sku: 'ACU-OAS-2W-BC84-M100', quantity: 24, unitCost: 3150 },
        { sku: 'ACU-MST-1D-M100', quantity: 12, unitCost: 2480 },
      ],
      expectedAt: '2025-03-20T00:00:00.000Z',
    },
  },
  {
    purchaseOrderId: 'po_demo_draft',
    status: 'DRAFT',
    body: {
      supplierId: 'sup_demo_luxottica',
      storeId: 'st_parramatta',
      currency: 'AUD',
      lines: [{ sku: 'RB-RX5154-2000-51', quantity: 4, unitCost: 11800 }],
    },
  },
  {
    purchaseOrderId: 'po_demo_partial',
    status: 'PARTIALLY_RECEIVED',
    body: {
      supplierId: 'sup_demo_jnj',
      storeId: 'st_melb_cbd',
      currency: 'AUD',
      lines: [
        { sku: 'ACU-OAS-2W-BC84-M125', quantity: 12, unitCost: 3150 },
        { sku: 'ACU-MST-1D-M100', quantity: 12, unitCost: 2480 },
      ],
    },
    receive: [{ sku: 'ACU-OAS-2W-BC84-M125', quantity: 12 }],
  },
  {
    purchaseOrderId: 'po_demo_cancel',
    status: 'DRAFT',
    body: {
      supplierId: 'sup_demo_alcon',
      storeId: 'st_geelong',
      currency: 'AUD',
      lines: [{ sku: 'ALC-OFPM-300', quantity: 24, unitCost: 1080 }],
    },
  },
];

/** The last one is the marker of a finished seed. */
const TRANSFERS: { transferId: string; status: TransferStatus; body: CreateTransferInput }[] = [
  {
    transferId: 'tr_demo_draft',
    status: 'DRAFT',
    body: {
      fromStoreId: 'st_syd_cbd',
      toStoreId: 'st_parramatta',
      lines: [
        { sku: 'FLT-HARB-BLK-52', quantity: 1 },
        { sku: 'BL-BIOT-SOL-300', quantity: 3 },
      ],
    },
  },
  {
    transferId: 'tr_demo_in_transit',
    status: 'IN_TRANSIT',
    body: {
      fromStoreId: 'st_melb_cbd',
      toStoreId: 'st_geelong',
      lines: [{ sku: 'CV-BIOF-1M-M100', quantity: 4 }],
    },
  },
  {
    transferId: 'tr_demo_cancel',
    status: 'DRAFT',
    body: {
      fromStoreId: 'st_parramatta',
      toStoreId: 'st_syd_cbd',
      lines: [{ sku: 'ALC-OFPM-300', quantity: 2 }],
    },
  },
  {
    transferId: 'tr_demo_ready',
    status: 'READY_TO_SHIP',
    body: {
      fromStoreId: 'st_web',
      toStoreId: 'st_syd_cbd',
      lines: [
        { sku: 'ACU-OAS-2W-BC84-M100', quantity: 6 },
        { sku: 'ALC-DT1-1D-M100', quantity: 4 },
      ],
      note: 'Weekly top-up from the web shop warehouse',
    },
  },
];

const MARKER_TRANSFER_ID = 'tr_demo_ready';

export interface SeedStockResult {
  created: boolean;
  levels: number;
  reorderRules: number;
  suppliers: number;
  purchaseOrders: number;
  transfers: number;
  stocktakes: number;
}

/** Geelong's monthly count: one bottle of solution is missing, the cloths are all there. */
const STOCKTAKES: { storeId: DemoStoreId; stocktakeId: string; body: StocktakeInput }[] = [
  {
    storeId: 'st_geelong',
    stocktakeId: 'stk_demo_geelong_monthly',
    body: {
      lines: [
        { sku: 'BL-BIOT-SOL-300', expected: 9, counted: 8 },
        { sku: 'FLT-CLOTH-15', expected: 25, counted: 25 },
      ],
      note: 'Monthly count',
    },
  },
];

const seedStocktakes = async (actor: SystemActor, now: Date) => {
  for (const { storeId, stocktakeId, body } of STOCKTAKES) {
    if (!(await findStocktake(storeId, stocktakeId)))
      await submitStocktake(actor, storeId, body, { stocktakeId, now });
  }
};

/** Receives the demo quantity unless the level already has stock (so a second run adds nothing). */
const seedLevels = async (actor: SystemActor, now: Date) => {
  const skus = Object.keys(STOCKED_SKUS);
  const productIds = await requireProductIdsOfLines(skus.map((sku) => ({ sku })));
  for (const storeId of DEMO_STORE_IDS) {
    for (const sku of skus) {
      const quantity = Math.round((STOCKED_SKUS[sku] ?? 0) * STORE_FACTOR[storeId]);
      const change = {
        storeId,
        sku,
        productId: productIds.get(sku) as string,
        deltas: { onHand: quantity },
        reason: 'received' as const,
        note: 'Opening stock',
        expectOnHand: 0,
      };
      try {
        await transactWrite(stockChangeWrites(change, actor, now));
      } catch (error) {
        if (!(error instanceof StockMismatchError)) throw error;
      }
    }
  }
  return DEMO_STORE_IDS.length * skus.length;
};

const seedPurchaseOrders = async (actor: SystemActor, now: Date) => {
  for (const spec of PURCHASE_ORDERS) {
    let po =
      (await findPurchaseOrder(spec.purchaseOrderId)) ??
      (await createPurchaseOrder(actor, spec.body, { purchaseOrderId: spec.purchaseOrderId, now }));
    if (spec.status !== 'DRAFT' && po.status === 'DRAFT')
      po = await orderPurchaseOrder(actor, po.purchaseOrderId, now);
    if (spec.receive && po.status === 'ORDERED')
      await receivePurchaseOrder(actor, po.purchaseOrderId, { lines: spec.receive }, now);
  }
};

const seedTransfers = async (actor: SystemActor, now: Date) => {
  const after = (status: TransferStatus, than: TransferStatus) =>
    ['DRAFT', 'READY_TO_SHIP', 'IN_TRANSIT'].indexOf(status) >
    ['DRAFT', 'READY_TO_SHIP', 'IN_TRANSIT'].indexOf(than);
  for (const spec of TRANSFERS) {
    let transfer =
      (await findTransfer(spec.transferId)) ??
      (await createTransfer(actor, spec.body, { transferId: spec.transferId, now }));
    if (after(spec.status, 'DRAFT') && transfer.status === 'DRAFT')
      transfer = await readyTransfer(actor, transfer.transferId, now);
    if (after(spec.status, 'READY_TO_SHIP') && transfer.status === 'READY_TO_SHIP')
      await shipTransfer(actor, transfer.transferId, now);
  }
};

/**
 * Seeds the demo stock; `created: false` when a finished run is already there. Call after the
 * demo stores and products exist (seedDemoData).
 */
export const seedStock = async (actor: SystemActor): Promise<SeedStockResult> => {
  const counts = {
    levels: DEMO_STORE_IDS.length * Object.keys(STOCKED_SKUS).length,
    reorderRules: REORDER_RULES.length,
    suppliers: SUPPLIERS.length,
    purchaseOrders: PURCHASE_ORDERS.length,
    transfers: TRANSFERS.length,
    stocktakes: STOCKTAKES.length,
  };
  const marker = await findTransfer(MARKER_TRANSFER_ID);
  if (marker && marker.status !== 'DRAFT') return { created: false, ...counts };

  const now = new Date();
  await seedLevels(actor, now);
  // Suppliers first: a reorder rule's preferred supplier must exist.
  for (const { supplierId, body } of SUPPLIERS) {
    if (!(await findSupplier(supplierId))) await createSupplier(actor, body, { supplierId, now });
  }
  for (const { storeId, sku, rule } of REORDER_RULES) await setReorderRule(actor, storeId, sku, rule, now);
  await seedPurchaseOrders(actor, now);
  await seedStocktakes(actor, now);
  await seedTransfers(actor, now);
  return { created: true, ...counts };
};
