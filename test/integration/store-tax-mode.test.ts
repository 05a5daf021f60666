import { describe, expect, it } from 'vitest';
import { CreateStoreBody, UpdateStoreBody } from '../../lib/stores/store-schemas.js';
import { createStore, getStore, updateStore } from '../../lib/stores/store-service.js';
import { admin, storeInput } from '../support/fixtures.js';

const withCountry = (country: string, extra: Record<string, unknown> = {}) => {
  const input = storeInput();
  return CreateStoreBody.parse({ ...input, address: { ...input.address, country }, ...extra });
};

describe('a store’s tax mode', () => {
  it('follows the country unless set: prices include tax in AU and CN, not in the US', async () => {
    expect((await createStore(admin, withCountry('AU'))).pricesIncludeTax).toBe(true);
    expect((await createStore(admin, withCountry('CN'))).pricesIncludeTax).toBe(true);
    expect((await createStore(admin, withCountry('US'))).pricesIncludeTax).toBe(false);
    const chosen = await createStore(admin, withCountry('AU', { pricesIncludeTax: false }));
    expect(await getStore(admin, chosen.storeId)).toMatchObject({ pricesIncludeTax: false });
  });

  it('can be changed, and must be a boolean', async () => {
    const store = await createStore(admin, withCountry('AU'));
    const changed = await updateStore(
      admin,
      store.storeId,
      UpdateStoreBody.parse({ pricesIncludeTax: false }),
      1,
    );
    expect(changed).toMatchObject({ pricesIncludeTax: false, version: 2 });
    expect(CreateStoreBody.safeParse({ ...storeInput(), pricesIncludeTax: 'yes' }).success).toBe(false);
    expect(UpdateStoreBody.safeParse({ pricesIncludeTax: null }).success).toBe(false);
  });
});
