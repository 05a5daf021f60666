import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../lib/errors.js';

process.env.TABLE_NAME = 'unit-table';
const dynamo = mockClient(DynamoDBDocumentClient);
const { assertSupplierExists } = await import('../../../lib/suppliers/supplier-repository.js');

const supplier = { pk: 'SUPPLIER#sup_1', sk: 'SUPPLIER', supplierId: 'sup_1' };
const consistency = () => dynamo.commandCalls(GetCommand).map((call) => call.args[0].input.ConsistentRead);

describe('assertSupplierExists (suppliers are never deleted)', () => {
  afterEach(() => dynamo.reset());

  it('takes an eventually consistent read that finds the supplier as proof: one read at half the units', async () => {
    dynamo.on(GetCommand).resolves({ Item: supplier });
    await expect(assertSupplierExists('sup_1', 'body.preferredSupplierId')).resolves.toBeUndefined();
    expect(consistency()).toEqual([false]);
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input.Key).toEqual({
      pk: 'SUPPLIER#sup_1',
      sk: 'SUPPLIER',
    });
  });

  it('confirms a miss with a strongly consistent read, so a supplier created a moment ago is found', async () => {
    dynamo.on(GetCommand, { ConsistentRead: false }).resolves({});
    dynamo.on(GetCommand, { ConsistentRead: true }).resolves({ Item: supplier });
    await expect(assertSupplierExists('sup_1', 'body.preferredSupplierId')).resolves.toBeUndefined();
    expect(consistency()).toEqual([false, true]);
  });

  it('answers 400 naming the field when neither read finds it', async () => {
    dynamo.on(GetCommand).resolves({});
    const error = await assertSupplierExists('sup_missing', 'body.preferredSupplierId').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      status: 400,
      errors: [{ path: 'body.preferredSupplierId', message: 'Supplier sup_missing does not exist.' }],
    });
    expect(consistency()).toEqual([false, true]);
  });
});
