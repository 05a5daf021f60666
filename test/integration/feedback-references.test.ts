import { describe, expect, it } from 'vitest';
import { createFeedback } from '../../lib/customers/feedback-service.js';
import { admin, managerOf } from '../support/fixtures.js';
import { newCustomer, newSellingStore, place, staffAt, stockedSkus } from '../support/order-fixtures.js';

/** Two stores, two customers, and an order of the first customer at the first store. */
const setUp = async () => {
  const [storeA, storeB] = [await newSellingStore(), await newSellingStore()];
  const { skus } = await stockedSkus(storeA, [5]);
  const [mia, james] = [await newCustomer(), await newCustomer()];
  const order = await place(staffAt(storeA), storeA, [{ sku: skus[0] as string, quantity: 1 }], {
    customerId: mia,
  });
  return { storeA, storeB, mia, james, orderId: order.orderId };
};

const complaint = (extra: Record<string, string>) => ({
  kind: 'complaint' as const,
  message: 'Late.',
  ...extra,
});

describe('feedback that names an order', () => {
  it('takes its store from the order', async () => {
    const { storeA, mia, orderId } = await setUp();
    const feedback = await createFeedback(staffAt(storeA), mia, complaint({ orderId }));
    expect(feedback).toMatchObject({ orderId, storeId: storeA, status: 'open' });
    const agreeing = await createFeedback(admin, mia, complaint({ orderId, storeId: storeA }));
    expect(agreeing.storeId).toBe(storeA);
  });

  it('refuses a store that contradicts the order (400 naming body.storeId)', async () => {
    const { storeA, storeB, mia, orderId } = await setUp();
    await expect(
      createFeedback(managerOf(storeA, storeB), mia, complaint({ orderId, storeId: storeB })),
    ).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.storeId' }],
    });
  });

  it('refuses an order that does not exist, is another customer’s, or is at a store the caller cannot see, alike', async () => {
    const { storeB, mia, james, orderId } = await setUp();
    const cases = [
      { actor: admin, customerId: mia, orderId: 'or_does_not_exist' },
      { actor: admin, customerId: james, orderId },
      { actor: staffAt(storeB), customerId: mia, orderId },
      { actor: managerOf(storeB), customerId: mia, orderId },
    ];
    const messages = new Set<string>();
    for (const { actor, customerId, orderId: id } of cases) {
      const error = await createFeedback(actor, customerId, complaint({ orderId: id })).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ status: 400, errors: [{ path: 'body.orderId' }] });
      messages.add(
        String((error as { errors: { message: string }[] }).errors[0]?.message)
          .replace(customerId, 'C')
          .replace(id, 'O'),
      );
    }
    // The same words whichever the reason, so nothing is learnt about other stores' orders.
    expect(messages.size).toBe(1);
  });
});
