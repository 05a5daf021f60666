import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';

process.env.TABLE_NAME = 'unit-table';
const dynamo = mockClient(DynamoDBDocumentClient);

const { assertStoreInScope, isStoreScopedPath } = await import('../../../lib/auth/store-scope.js');

const admin = { userId: 'a', role: 'admin' as const, storeIds: 'all' as const };
const manager = { userId: 'm', role: 'manager' as const, storeIds: ['st_mine'] };

describe('the store of a /stores/{storeId}/… route', () => {
  afterEach(() => dynamo.reset());

  it('applies to every route below a store, not to the store itself', () => {
    expect(isStoreScopedPath('/stores/{storeId}/inventory/{sku}')).toBe(true);
    expect(isStoreScopedPath('/stores/{storeId}/orders')).toBe(true);
    expect(isStoreScopedPath('/stores/{storeId}')).toBe(false);
    expect(isStoreScopedPath('/stores')).toBe(false);
    expect(isStoreScopedPath('/transfers/{transferId}')).toBe(false);
  });

  it('is 404 for a store that does not exist, for admin too, with one consistent GetItem', async () => {
    dynamo.on(GetCommand).resolves({});
    await expect(assertStoreInScope(admin, 'st_ghost')).rejects.toMatchObject({
      status: 404,
      detail: 'Store st_ghost was not found.',
    });
    const input = dynamo.commandCalls(GetCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ Key: { pk: 'STORE#st_ghost', sk: 'STORE' }, ConsistentRead: true });
  });

  it('is the same 404 for a store outside the caller’s scope, decided without a read', async () => {
    await expect(assertStoreInScope(manager, 'st_theirs')).rejects.toMatchObject({
      status: 404,
      detail: 'Store st_theirs was not found.',
    });
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
  });

  it('reads a store once: stores are never deleted, so one seen stays known', async () => {
    dynamo.on(GetCommand).resolves({ Item: { pk: 'STORE#st_mine' } });
    await assertStoreInScope(manager, 'st_mine');
    await assertStoreInScope(admin, 'st_mine');
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(1);
  });

  it('never remembers a store that was missing (it may be opened a moment later)', async () => {
    dynamo
      .on(GetCommand)
      .resolvesOnce({})
      .resolves({ Item: { pk: 'STORE#st_new' } });
    await expect(assertStoreInScope(admin, 'st_new')).rejects.toMatchObject({ status: 404 });
    await expect(assertStoreInScope(admin, 'st_new')).resolves.toBeUndefined();
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(2);
  });
});
