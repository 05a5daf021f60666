/**
 * The drill's workload: a day in the stores, through the services exactly as the API calls
 * them (orders placed, paid, fulfilled, completed, some refunded or cancelled; stock received
 * and written off; transfers created, shipped and received), on the demo data set. The caller
 * sets TABLE_NAME (the table it runs against) and DYNAMODB_ENDPOINT before loading lib/.
 */
import type { Principal } from '../../lib/auth/principal.js';
import { adjustInventory } from '../../lib/inventory/inventory-service.js';
import { cancelOrder, completeOrder, fulfilOrder, recordPayment } from '../../lib/orders/order-lifecycle.js';
import { placeOrder } from '../../lib/orders/order-placement.js';
import { refundOrder } from '../../lib/orders/order-refunds.js';
import {
  createTransfer,
  readyTransfer,
  receiveTransfer,
  shipTransfer,
} from '../../lib/transfers/transfer-service.js';
import { DEMO_CUSTOMER_IDS } from './seed-customers.js';
import { DEMO_STORES } from './seed-data.js';

export const DRILL_ACTOR: Principal = { userId: 'system:drill', role: 'admin', storeIds: 'all' };

/** SKUs every demo store stocks (infra/local/seed-stock.ts). */
const SKUS = ['ACU-OAS-2W-BC84-M100', 'ALC-DT1-1D-M100', 'BL-BIOT-SOL-300', 'BLK-CONT-10', 'FLT-CLOTH-15'];

export interface WorkloadResult {
  orders: number;
  refunds: number;
  cancellations: number;
  adjustments: number;
  transfers: number;
}

/** `rounds` rounds, each an order through its life, a delivery and, every third, a transfer. */
export const runWorkload = async (rounds: number, label: string): Promise<WorkloadResult> => {
  const result: WorkloadResult = { orders: 0, refunds: 0, cancellations: 0, adjustments: 0, transfers: 0 };
  const actor = DRILL_ACTOR;
  for (let round = 0; round < rounds; round++) {
    const store = DEMO_STORES[round % DEMO_STORES.length];
    const sku = SKUS[round % SKUS.length];
    if (!store || !sku) continue;
    const { storeId } = store;
    await adjustInventory(actor, storeId, sku, { delta: 5, reason: 'received', note: `drill ${label}` });
    result.adjustments++;

    const customerId = round % 2 === 0 ? DEMO_CUSTOMER_IDS[round % DEMO_CUSTOMER_IDS.length] : undefined;
    const channel = store.body.channels[0] ?? 'in_store';
    const { order } = await placeOrder(
      actor,
      {
        storeId,
        channel,
        ...(customerId ? { customerId } : {}),
        lines: [{ sku, quantity: 1 + (round % 2) }],
      },
      `drill-${label}-${round}`,
    );
    result.orders++;
    if (round % 5 === 4) {
      await cancelOrder(actor, order.orderId, 'Drill: customer changed their mind');
      result.cancellations++;
    } else {
      const paid = await recordPayment(actor, order.orderId, { method: 'card', amount: order.amountDue });
      await fulfilOrder(actor, paid.orderId, {});
      await completeOrder(actor, paid.orderId);
      if (round % 4 === 3) {
        await refundOrder(actor, paid.orderId, {
          lines: [{ sku, quantity: 1 }],
          restock: 'available',
          reason: 'Drill: wrong power',
        });
        result.refunds++;
      }
    }

    if (round % 2 === 1) {
      await adjustInventory(actor, storeId, sku, { delta: -1, reason: 'shrinkage', note: `drill ${label}` });
      result.adjustments++;
    }
    if (round % 3 === 2) {
      const to = DEMO_STORES[(round + 1) % DEMO_STORES.length];
      if (!to) continue;
      const { transferId } = await createTransfer(actor, {
        fromStoreId: storeId,
        toStoreId: to.storeId,
        lines: [{ sku, quantity: 1 }],
      });
      await readyTransfer(actor, transferId);
      await shipTransfer(actor, transferId);
      await receiveTransfer(actor, transferId, {});
      result.transfers++;
    }
  }
  return result;
};
