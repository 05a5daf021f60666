import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY, orderKeys, productKeys } from '../../lib/db/keys.js';
import { type IndexName, indexKeyNames } from '../../lib/db/table-definition.js';

type IndexKeys = (item: Record<string, unknown>) => Record<string, string | undefined>;

/**
 * The entities whose keys feed an index added after the first release, with the function that
 * builds those keys: orders (gsi5) and products (gsi6, name search). An index added later for
 * another entity adds that entity here.
 */
const INDEXED_ENTITIES: Record<string, IndexKeys> = {
  [ENTITY.order]: (item) => orderKeys.listings(item as Parameters<typeof orderKeys.listings>[0]),
  [ENTITY.product]: (item) => productKeys.listings(item as Parameters<typeof productKeys.listings>[0]),
};

/**
 * After an index is added to a persisted local table, writes that index's keys onto the items
 * written before it existed, so listings served by it see them. A Scan is fine: this is local
 * tooling, run once per new index, never a request path.
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
      FilterExpression: 'entityType IN (:order, :product)',
      ExpressionAttributeValues: { ':order': ENTITY.order, ':product': ENTITY.product },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) {
      const keysOf = INDEXED_ENTITIES[String(item.entityType)];
      if (!keysOf) continue;
      const keys = keysOf(item);
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
