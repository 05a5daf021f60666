/**
 * A Lambda-style entry that uses the app's shared DynamoDB client, for
 * test/integration/bundled-client.test.ts: bundled with the shipped options, it proves the
 * bundle's SDK signs with the Lambda-environment credentials and round-trips an item.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../lib/db/client.js';

export const handler = async (id: string): Promise<Record<string, unknown> | undefined> => {
  await documentClient.send(
    new PutCommand({ TableName: tableName(), Item: { pk: `TEST#${id}`, sk: 'A', id } }),
  );
  const read = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: { pk: `TEST#${id}`, sk: 'A' }, ConsistentRead: true }),
  );
  return read.Item;
};
