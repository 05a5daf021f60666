/**
 * Two days of a small group's changes, for the lake tests: day A opens two stores, a catalog,
 * a customer and stock; day B sells (a paid order, a paid, fulfilled and refunded one, a
 * cancelled one), moves stock, reprices a SKU's cost, ships a transfer and orders from a supplier.
 */
import type { ChangeRow } from '../../lib/lake/compact-changes-read.js';
import {
  change,
  customerImage,
  levelImage,
  movementImage,
  orderImage,
  paymentImage,
  productImage,
  purchaseOrderImage,
  refundImage,
  storeImage,
  transferImage,
} from './lake-fixtures.js';

const at = (day: string, time: string) => `${day}T${time}.000Z`;

export const dayAChanges = (day: string): ChangeRow[] => {
  const t = at(day, '08:00:00');
  return [
    change('INSERT', storeImage('st_a', 'nsw', t), { at: t }),
    change('INSERT', storeImage('st_b', 'vic', t), { at: t }),
    change(
      'INSERT',
      productImage(
        'prd_1',
        'frames',
        [
          { sku: 'SKU-A', price: 1000, cost: 400 },
          { sku: 'SKU-B', price: 2500, cost: 1000 },
        ],
        t,
      ),
      { at: t },
    ),
    change('INSERT', productImage('prd_2', 'lenses', [{ sku: 'SKU-C', price: 500, cost: 100 }], t), {
      at: t,
    }),
    change('INSERT', customerImage('cus_1', 'st_a', t), { at: t }),
    change('INSERT', levelImage('st_a', 'SKU-A', 'prd_1', 10, t), { at: t }),
    change('INSERT', levelImage('st_a', 'SKU-C', 'prd_2', 20, t), { at: t }),
    change('INSERT', levelImage('st_b', 'SKU-B', 'prd_1', 4, t), { at: t }),
    // Stock that will not sell: a slow mover.
    change('INSERT', levelImage('st_b', 'SKU-C', 'prd_2', 7, t), { at: t }),
  ];
};

const o1Lines = [
  { sku: 'SKU-A', productId: 'prd_1', category: 'frames', quantity: 2, unitPrice: 1000 },
  { sku: 'SKU-C', productId: 'prd_2', category: 'lenses', quantity: 1, unitPrice: 500 },
];
const o2Lines = [{ sku: 'SKU-B', productId: 'prd_1', category: 'frames', quantity: 1, unitPrice: 2500 }];
const o3Lines = [{ sku: 'SKU-A', productId: 'prd_1', category: 'frames', quantity: 1, unitPrice: 1000 }];

export const dayBChanges = (day: string): ChangeRow[] => {
  const o1 = {
    orderId: 'ord_1',
    storeId: 'st_a',
    channel: 'in_store',
    customerId: 'cus_1',
    lines: o1Lines,
    createdAt: at(day, '09:00:00'),
  };
  const o2 = {
    orderId: 'ord_2',
    storeId: 'st_b',
    channel: 'online',
    lines: o2Lines,
    createdAt: at(day, '10:00:00'),
  };
  const o3 = {
    orderId: 'ord_3',
    storeId: 'st_a',
    channel: 'in_store',
    lines: o3Lines,
    createdAt: at(day, '13:00:00'),
  };
  const pending1 = orderImage({ ...o1, status: 'PENDING_PAYMENT' });
  const paid1 = orderImage({
    ...o1,
    status: 'PAID',
    amountPaid: 2500,
    updatedAt: at(day, '09:01:00'),
    version: 2,
  });
  const pending2 = orderImage({ ...o2, status: 'PENDING_PAYMENT' });
  const paid2 = orderImage({
    ...o2,
    status: 'PAID',
    amountPaid: 2500,
    updatedAt: at(day, '10:01:00'),
    version: 2,
  });
  const fulfilled2 = orderImage({
    ...o2,
    status: 'FULFILLED',
    amountPaid: 2500,
    updatedAt: at(day, '11:00:00'),
    version: 3,
  });
  const refunded2 = orderImage({
    ...o2,
    lines: o2Lines.map((line) => ({ ...line, refundedQuantity: 1 })),
    status: 'FULFILLED',
    amountPaid: 2500,
    amountRefunded: 2500,
    updatedAt: at(day, '12:00:00'),
    version: 4,
  });
  const pending3 = orderImage({ ...o3, status: 'PENDING_PAYMENT' });
  const cancelled3 = orderImage({ ...o3, status: 'CANCELLED', updatedAt: at(day, '13:30:00'), version: 2 });
  const t = (time: string) => ({ at: at(day, time) });
  const levelB = levelImage('st_b', 'SKU-B', 'prd_1', 4, at(day, '08:00:00'));
  return [
    // SKU-A's cost rises from 400 to 450 before the day's sales.
    change(
      'MODIFY',
      productImage(
        'prd_1',
        'frames',
        [
          { sku: 'SKU-A', price: 1000, cost: 450 },
          { sku: 'SKU-B', price: 2500, cost: 1000 },
        ],
        at(day, '08:30:00'),
        2,
      ),
      t('08:30:00'),
    ),
    change('INSERT', pending1, t('09:00:00')),
    change('MODIFY', paid1, { ...t('09:01:00'), old: pending1 }),
    change('INSERT', paymentImage('ord_1', 'pay_1', 'card', 2500, at(day, '09:01:00')), t('09:01:00')),
    change('INSERT', pending2, t('10:00:00')),
    change('MODIFY', paid2, { ...t('10:01:00'), old: pending2 }),
    change('INSERT', paymentImage('ord_2', 'pay_2', 'cash', 2500, at(day, '10:01:00')), t('10:01:00')),
    change('MODIFY', fulfilled2, { ...t('11:00:00'), old: paid2 }),
    change(
      'INSERT',
      movementImage('st_b', 'SKU-B', 'prd_1', -1, 'sale', at(day, '11:00:00'), 'mov_1'),
      t('11:00:00'),
    ),
    change('MODIFY', { ...levelB, onHand: 3, available: 3 }, { ...t('11:00:00'), old: levelB }),
    change('MODIFY', refunded2, { ...t('12:00:00'), old: fulfilled2 }),
    change(
      'INSERT',
      refundImage('ord_2', 'ref_1', { sku: 'SKU-B', quantity: 1, amount: 2500 }, at(day, '12:00:00')),
      t('12:00:00'),
    ),
    change(
      'INSERT',
      movementImage('st_b', 'SKU-B', 'prd_1', 1, 'return', at(day, '12:00:00'), 'mov_2'),
      t('12:00:00'),
    ),
    change('MODIFY', { ...levelB, onHand: 4, available: 4 }, t('12:00:00')),
    change('INSERT', pending3, t('13:00:00')),
    change('MODIFY', cancelled3, { ...t('13:30:00'), old: pending3 }),
    change(
      'INSERT',
      movementImage('st_a', 'SKU-A', 'prd_1', -3, 'transfer_out', at(day, '14:00:00'), 'mov_3'),
      t('14:00:00'),
    ),
    change('MODIFY', levelImage('st_a', 'SKU-A', 'prd_1', 7, at(day, '14:00:00')), t('14:00:00')),
    change('INSERT', transferImage('tr_1', 'st_a', 'st_b', 'SHIPPED', at(day, '14:00:00')), t('14:00:00')),
    change('INSERT', purchaseOrderImage('po_1', 'st_b', at(day, '15:00:00')), t('15:00:00')),
  ];
};
