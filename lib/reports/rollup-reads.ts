import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../db/client.js';

/** Read capacity a report consumed (DynamoDB's own count), for logs and the flat-reads test. */
export interface ReadMeter {
  queries: number;
  capacityUnits: number;
}

export const newReadMeter = (): ReadMeter => ({ queries: 0, capacityUnits: 0 });

/**
 * Every item of one partition's sort-key range (rollups are small: days × dimension values),
 * following LastEvaluatedKey, eventually consistent (rollups lag their events anyway).
 */
export const queryRange = async (
  partition: string,
  range: { between: [string, string] } | { beginsWith: string } | 'whole partition',
  meter?: ReadMeter,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  const condition =
    range === 'whole partition'
      ? { expression: '', values: {} }
      : 'between' in range
        ? {
            expression: ' AND sk BETWEEN :a AND :b',
            values: { ':a': range.between[0], ':b': range.between[1] },
          }
        : { expression: ' AND begins_with(sk, :a)', values: { ':a': range.beginsWith } };
  let startKey: QueryCommandInput['ExclusiveStartKey'];
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: `pk = :pk${condition.expression}`,
        ExpressionAttributeValues: { ':pk': partition, ...condition.values },
        ReturnConsumedCapacity: 'TOTAL',
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    if (meter) {
      meter.queries += 1;
      meter.capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    }
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};
