import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { LOCAL_AWS, localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { toLambdaRecord } from '../../infra/local/dynamodb-stream-reader-records.js';

/**
 * Every record in the test table's stream so far, read through the DynamoDB Streams API
 * (DescribeTable → stream, every shard from TRIM_HORIZON) and shaped as Lambda delivers it
 * (ApproximateCreationDateTime in epoch seconds). A test reads the records its writes made.
 */
export const readTableStream = async (): Promise<DynamoDBRecord[]> => {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? '';
  const dynamo = localDynamoClient(endpoint);
  const streams = new DynamoDBStreamsClient({
    endpoint,
    region: LOCAL_AWS.region,
    credentials: { accessKeyId: LOCAL_AWS.accessKeyId, secretAccessKey: LOCAL_AWS.secretAccessKey },
  });
  try {
    const table = await dynamo.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME }));
    const streamArn = table.Table?.LatestStreamArn;
    if (!streamArn) throw new Error('the test table has no stream');
    const stream = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const records: _Record[] = [];
    for (const shard of stream.StreamDescription?.Shards ?? []) {
      let iterator = (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shard.ShardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        )
      ).ShardIterator;
      // An open shard never ends: stop at the first empty read (everything written so far is in).
      while (iterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        if (!page.Records?.length) break;
        records.push(...page.Records);
        iterator = page.NextShardIterator;
      }
    }
    // Shaped exactly as the local stream reader hands them to functions (empty maps restored too).
    return records.map((record) => toLambdaRecord(record, { region: LOCAL_AWS.region, streamArn }));
  } finally {
    dynamo.destroy();
    streams.destroy();
  }
};
