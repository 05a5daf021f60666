import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';

/** Segments of a parallel Scan: enough to keep DynamoDB Local and a small table busy. */
export const DEFAULT_SEGMENTS = 4;

/**
 * Every item of a table, by a parallel Scan (one worker per segment), handed to `onItem` as
 * DynamoDB JSON. Strongly consistent, so a check right after a restore or a load sees every
 * write. Offline tooling only (the drill, the restore check): no request path scans.
 */
export const scanTable = async (
  client: DynamoDBClient,
  tableName: string,
  onItem: (item: Record<string, AttributeValue>) => void,
  segments = DEFAULT_SEGMENTS,
): Promise<number> => {
  let count = 0;
  const segment = async (index: number): Promise<void> => {
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          Segment: index,
          TotalSegments: segments,
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        onItem(item);
        count++;
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  };
  await Promise.all(Array.from({ length: segments }, (_, index) => segment(index)));
  return count;
};
