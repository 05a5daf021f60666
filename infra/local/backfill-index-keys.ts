import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY, orderKeys } from '../../lib/db/keys.js';
import { type IndexName, indexKeyNames } from '../../lib/db/table-definition.js';

/**
 * After an index is added to a persisted local table, writes that index's keys onto the items
 * written before it existed, so listings served by it see them. Orders are the only entity whose
 * keys feed an index added after the first release (gsi5); an index added later for another
 * entity adds that entity here. A Scan is fine: this is local tooling, run once per new index,
 * never a request path.
 */
export const backfillIndexKeys = async (
  client: DynamoDBClient,
  tableName: string,
  addedIndexes: readonly string[],
): Promise<number> => {
  if (addedIndexes.length === 0) return 0;
  const keyNames = addedIndexes.flatMap((name) => {
    const { partitionKey, sortKey } = indexKeyNames(name as IndexName);
    return [partitionKey, sortKey];
  });
  const documents = DynamoDBDocumentClient.from(client);
  let updated = 0;
  const pages = paginateScan(
    { client: documents },
    {
      TableName: tableName,
      FilterExpression: 'entityType = :order',
      ExpressionAttributeValues: { ':order': ENTITY.order },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const keys = orderKeys.listings(item as Parameters<typeof orderKeys.listings>[0]) as Record<
        string,
        string
      >;
      const sets = keyNames.filter((name) => keys[name] !== undefined && item[name] === undefined);
      if (sets.length === 0) continue;
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: `SET ${sets.map((_, index) => `#k${index} = :v${index}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(sets.map((name, index) => [`#k${index}`, name])),
          ExpressionAttributeValues: Object.fromEntries(
            sets.map((name, index) => [`:v${index}`, keys[name]]),
          ),
        }),
      );
      updated++;
    }
  }
  return updated;
};
