import { describe, expect, it } from 'vitest';
import { createPromotion, getPromotion, updatePromotion } from '../../lib/promotions/promotion-service.js';
import { createStore } from '../../lib/stores/store-service.js';
import { promotionInput } from '../support/customer-fixtures.js';
import { admin, storeInput, uniqueSuffix } from '../support/fixtures.js';
import { newProduct } from '../support/stock-fixtures.js';

const realStore = async () => (await createStore(admin, storeInput())).storeId;
const missing = (what: string) => `${what}_${uniqueSuffix().toLowerCase()}`;

describe('promotions name only stores and SKUs that exist', () => {
  it('refuses unknown stores and SKUs on create, naming every one, and writes nothing', async () => {
    const store = await realStore();
    const { skus } = await newProduct(2);
    const [ghostStore, ghostSku] = [missing('st'), `GHOST-${uniqueSuffix()}`];
    const promotionId = `pm_${uniqueSuffix().toLowerCase()}`;
    const error = await createPromotion(
      admin,
      promotionInput({
        storeIds: [store, ghostStore],
        scope: { appliesTo: 'skus', skus: [skus[0] as string, ghostSku, skus[1] as string] },
      }),
      { promotionId },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      errors: [
        { path: 'body.storeIds[1]', message: `Unknown store ${ghostStore}.` },
        { path: 'body.scope.skus[1]', message: `${ghostSku} is not in the catalog.` },
      ],
    });
    await expect(getPromotion(admin, promotionId)).rejects.toMatchObject({ status: 404 });
  });

  it('checks long SKU lists in full (beyond one BatchGet page)', async () => {
    const { skus } = await newProduct(3);
    const list = [...skus, ...Array.from({ length: 150 }, (_, i) => `NOPE-${uniqueSuffix()}-${i}`)];
    const error = await createPromotion(
      admin,
      promotionInput({ scope: { appliesTo: 'skus', skus: list } }),
    ).catch((e: unknown) => e);
    expect((error as { errors: { path: string }[] }).errors.map((issue) => issue.path)).toEqual(
      Array.from({ length: 150 }, (_, i) => `body.scope.skus[${i + 3}]`),
    );
    const promo = await createPromotion(admin, promotionInput({ scope: { appliesTo: 'skus', skus } }));
    expect(promo.scope).toEqual({ appliesTo: 'skus', skus });
  });

  it('checks what a patch sends, and leaves the promotion unchanged when refused', async () => {
    const [a, b] = [await realStore(), await realStore()];
    const promo = await createPromotion(admin, promotionInput({ storeIds: [a] }));
    const ghost = missing('st');
    await expect(
      updatePromotion(admin, promo.promotionId, { storeIds: [a, ghost] }, 1),
    ).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'body.storeIds[1]' }],
    });
    await expect(
      updatePromotion(admin, promo.promotionId, { scope: { appliesTo: 'skus', skus: ['NO-SUCH-SKU'] } }, 1),
    ).rejects.toMatchObject({ status: 400, errors: [{ path: 'body.scope.skus[0]' }] });
    expect(await getPromotion(admin, promo.promotionId)).toMatchObject({ version: 1, storeIds: [a] });
    const widened = await updatePromotion(admin, promo.promotionId, { storeIds: [a, b] }, 1);
    expect(widened).toMatchObject({ version: 2, storeIds: [a, b] });
  });
});
