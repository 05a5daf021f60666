import { describe, expect, it } from 'vitest';
import { median } from '../../../infra/local/bench/cold-import.js';
import { bareHandlerSource } from '../../../infra/local/bundle-build.js';

describe('the bundle measurements', () => {
  it('takes the median of odd and even counts, without reordering its input', () => {
    const values = [5, 1, 3];
    expect(median(values)).toBe(3);
    expect(values).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('writes the bare DynamoDB handler: the document client at module scope and one GetCommand', () => {
    const source = bareHandlerSource([]);
    expect(source).toContain("import { DynamoDBClient } from '@aws-sdk/client-dynamodb';");
    expect(source).toContain("import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';");
    expect(source).toContain('const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));');
    expect(source).toContain('new GetCommand(');
    // The SDK's default configuration: no credentials or other settings of its own.
    expect(source).not.toMatch(/credentials/);
  });

  it('adds to the baseline exactly the SDK clients a function bundles', () => {
    const source = bareHandlerSource(['@aws-sdk/client-s3', '@aws-sdk/client-sqs']);
    expect(source).toContain("import { S3Client } from '@aws-sdk/client-s3';");
    expect(source).toContain("import { SQSClient } from '@aws-sdk/client-sqs';");
    expect(source).toContain('export const others = [new S3Client({}), new SQSClient({})];');
    expect(source).not.toContain('EventBridge');
  });
});
