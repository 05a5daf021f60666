import { randomBytes } from 'node:crypto';
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetCursorKeys } from '../../../lib/db/cursor-secret.js';
import { ValidationError } from '../../../lib/errors.js';

process.env.TABLE_NAME = 'unit-table';
const dynamo = mockClient(DynamoDBDocumentClient);
const { queryPage } = await import('../../../lib/db/query-page.js');

const LAST = { gsi2pk: 'STORE#st_a', gsi2sk: '2026-01-01T00:00:00.000Z#or_1', pk: 'ORDER#or_1', sk: 'ORDER' };
const query = { indexName: 'gsi2' as const, partitionValue: 'STORE#st_a', limit: 1, descending: true };
const refusal = (message: string) =>
  new DynamoDBServiceException({ name: 'ValidationException', $fault: 'client', $metadata: {}, message });

beforeAll(() => {
  process.env.CURSOR_SECRET = randomBytes(32).toString('base64url');
  forgetCursorKeys();
});
afterAll(() => {
  delete process.env.CURSOR_SECRET;
  forgetCursorKeys();
});
afterEach(() => dynamo.reset());

describe('queryPage cursors', () => {
  it('starts the next page exactly at the key the last one ended on', async () => {
    dynamo
      .on(QueryCommand)
      .resolvesOnce({ Items: [{}], LastEvaluatedKey: LAST })
      .resolves({ Items: [] });
    const first = await queryPage({ ...query, cursor: undefined });
    await queryPage({ ...query, cursor: first.nextCursor ?? undefined });
    expect(dynamo.commandCalls(QueryCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual(LAST);
  });

  it('answers a start key DynamoDB refuses as a bad cursor (400), never a 500', async () => {
    dynamo.on(QueryCommand).resolvesOnce({ Items: [{}], LastEvaluatedKey: LAST });
    const { nextCursor } = await queryPage({ ...query, cursor: undefined });
    dynamo.on(QueryCommand).rejects(refusal('The provided starting key is invalid'));
    await expect(queryPage({ ...query, cursor: nextCursor ?? undefined })).rejects.toBeInstanceOf(
      ValidationError,
    );
    // Without a cursor the same error is ours, and stays an error of the server.
    await expect(queryPage({ ...query, cursor: undefined })).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it("refuses another partition's cursor before DynamoDB sees it", async () => {
    dynamo.on(QueryCommand).resolvesOnce({ Items: [{}], LastEvaluatedKey: LAST });
    const { nextCursor } = await queryPage({ ...query, cursor: undefined });
    await expect(
      queryPage({ ...query, partitionValue: 'STORE#st_b', cursor: nextCursor ?? undefined }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(1);
  });
});
