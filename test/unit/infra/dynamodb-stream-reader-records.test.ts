import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { toLambdaRecord } from '../../../infra/local/dynamodb-stream-reader-records.js';

describe('a Streams API record as Lambda delivers it', () => {
  it('restores empty maps (the SDK gives `{}`), at any depth, so the image unmarshalls', () => {
    const record = toLambdaRecord(
      {
        eventID: 'e1',
        eventName: 'INSERT',
        dynamodb: {
          SequenceNumber: '1',
          NewImage: {
            pk: { S: 'x' },
            options: {} as never,
            variants: { L: [{ M: { sku: { S: 'A' }, options: {} as never } }, {} as never] },
            nested: { M: { deeper: {} as never, n: { N: '2' } } },
          },
        },
      },
      { region: 'ap-southeast-2', streamArn: 'arn' },
    );
    const image = record.dynamodb?.NewImage;
    expect(image?.options).toEqual({ M: {} });
    expect(unmarshall(image as never)).toEqual({
      pk: 'x',
      options: {},
      variants: [{ sku: 'A', options: {} }, {}],
      nested: { deeper: {}, n: 2 },
    });
  });
});
