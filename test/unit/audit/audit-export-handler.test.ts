import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { levelItem, streamRecord } from '../../support/stream-records.js';

process.env.TABLE_NAME = 'unit-table';
process.env.DATA_LAKE_BUCKET = 'unit-lake';
process.env.AWS_REGION = 'ap-southeast-2';
process.env.AWS_ACCESS_KEY_ID = 'unit';
process.env.AWS_SECRET_ACCESS_KEY = 'unit';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
const dynamo = mockClient(DynamoDBDocumentClient);
const s3 = mockClient(S3Client);

const { handler } = await import('../../../functions/lake/export-changes.js');
const { lambdaContext } = await import('../../../infra/local/lambda-context.js');
const { lakeFunctions } = await import('../../../infra/functions/lake-functions.js');

const batch = [
  streamRecord(levelItem({ onHand: 5 }), levelItem({ onHand: 4 })),
  streamRecord(levelItem({ onHand: 4 }), levelItem({ onHand: 3 })),
];
const deliver = () =>
  handler({ Records: structuredClone(batch) }, lambdaContext('exportChanges', lakeFunctions.exportChanges));
const everyRecord = batch.map((record) => ({ itemIdentifier: record.dynamodb?.SequenceNumber }));

describe('the change exporter with the audit history', () => {
  afterEach(() => {
    dynamo.reset();
    s3.reset();
  });

  it('writes the lake objects and the audit entries of a batch', async () => {
    s3.on(PutObjectCommand).resolves({});
    dynamo.on(PutCommand).resolves({});
    expect(await deliver()).toEqual({ batchItemFailures: [] });
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(1);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(4); // two changes × (entity + store)
  });

  it('fails the whole batch when an audit entry cannot be written, though the lake objects were', async () => {
    s3.on(PutObjectCommand).resolves({});
    dynamo.on(PutCommand).rejects(Object.assign(new Error('boom'), { name: 'InternalServerError' }));
    expect(await deliver()).toEqual({ batchItemFailures: everyRecord });
  });

  it('fails the whole batch when the lake cannot be written, though the audit entries were', async () => {
    s3.on(PutObjectCommand).rejects(new Error('S3 down'));
    dynamo.on(PutCommand).resolves({});
    expect(await deliver()).toEqual({ batchItemFailures: everyRecord });
  });
});
