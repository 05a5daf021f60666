import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ENTITY, inventoryKeys, LEGACY_LISTING_KEYS, orderKeys, productKeys } from '../../lib/db/keys.js';

/** Updates in flight at once during the migration (the SDK retries throttling). */
const PARALLEL_UPDATES = 16;

type IndexKeys = (item: Record<string, unknown>) => Record<string, string | undefined>;

/**
 * The entities whose index keys changed after the first release: the keys each should carry
 * now (built by lib/db/keys.ts, as the request path builds them) and those it no longer should.
 * Orders moved to gsi7–gsi10 (off gsi1/gsi2, and the retired gsi3/gsi5), levels' product
 * listing to gsi9 (off gsi2); products gained gsi6 (name search). A later index change for
 * another entity adds that entity here.
 */
const INDEXED_ENTITIES: Record<string, { keys: IndexKeys; legacy: readonly string[] }> = {
  [ENTITY.order]: {
    keys: (item) => orderKeys.listings(item as Parameters<typeof orderKeys.listings>[0]),
    legacy: LEGACY_LISTING_KEYS.order,
  },
  [ENTITY.inventoryLevel]: {
    keys: (item) =>
      typeof item.productId === 'string' && item.productId !== ''
        ? inventoryKeys.byProduct(item.productId, String(item.storeId), String(item.sku))
        : {},
    legacy: LEGACY_LISTING_KEYS.inventoryLevel,
  },
  [ENTITY.product]: {
    keys: (item) => productKeys.listings(item as Parameters<typeof productKeys.listings>[0]),
    legacy: [],
  },
};

/** The one UpdateItem that brings an item's index keys to what its entity carries now, if any. */
export const indexKeyChange = (
  item: Record<string, unknown>,
): { expression: string; names: Record<string, string>; values: Record<string, unknown> } | undefined => {
  const entity = INDEXED_ENTITIES[String(item.entityType)];
  if (!entity) return undefined;
  const wanted = entity.keys(item);
  const sets = Object.entries(wanted).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && item[entry[0]] !== entry[1],
  );
  const removes = entity.legacy.filter((name) => item[name] !== undefined && !(name in wanted));
  if (sets.length === 0 && removes.length === 0) return undefined;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const setClauses = sets.map(([name, value], index) => {
    names[`#s${index}`] = name;
    values[`:s${index}`] = value;
    return `#s${index} = :s${index}`;
  });
  const removeClauses = removes.map((name, index) => {
    names[`#r${index}`] = name;
    return `#r${index}`;
  });
  return {
    expression: [
      setClauses.length > 0 ? `SET ${setClauses.join(', ')}` : '',
      removeClauses.length > 0 ? `REMOVE ${removeClauses.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    names,
    values,
  };
};

/**
 * The migration that follows an index change (docs/runbooks/index-migration.md): writes the
 * keys of the indexes an entity now lists from onto items written before, and removes the
 * listing keys it no longer carries (so the item leaves an index that projects it whole). Only
 * keys change, conditional on the item's version being the one scanned: an item changed
 * meanwhile is skipped, since its own write set its keys from its new state (and a second run
 * catches one an older release wrote). Safe beside live traffic and safe to run again. A Scan is fine: this is a one-off migration, never a request path.
 * `npm start` runs it locally whenever it added or removed an index; against AWS, run it as the
 * runbook says. Returns how many items it changed.
 */
export const backfillIndexKeys = async (
  client: DynamoDBClient,
  tableName: string,
  changedIndexes: readonly string[],
): Promise<number> => {
  if (changedIndexes.length === 0) return 0;
  const documents = DynamoDBDocumentClient.from(client);
  const types = Object.keys(INDEXED_ENTITIES);
  let updated = 0;
  const pages = paginateScan(
    { client: documents },
    {
      TableName: tableName,
      FilterExpression: `entityType IN (${types.map((_, index) => `:t${index}`).join(', ')})`,
      ExpressionAttributeValues: Object.fromEntries(types.map((type, index) => [`:t${index}`, type])),
    },
  );
  const migrate = async (item: Record<string, unknown>): Promise<void> => {
    const change = indexKeyChange(item);
    if (!change) return;
    const versioned = typeof item.version === 'number';
    const values = { ...change.values, ...(versioned ? { ':scanned': item.version } : {}) };
    try {
      await documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: change.expression,
          ConditionExpression: versioned ? 'attribute_exists(pk) AND #v = :scanned' : 'attribute_exists(pk)',
          ExpressionAttributeNames: { ...change.names, ...(versioned ? { '#v': 'version' } : {}) },
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        }),
      );
      updated++;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  };
  for await (const page of pages) {
    const items = page.Items ?? [];
    // A few updates in flight at once: a deployed table of millions of items moves in minutes.
    for (let offset = 0; offset < items.length; offset += PARALLEL_UPDATES)
      await Promise.all(items.slice(offset, offset + PARALLEL_UPDATES).map(migrate));
  }
  return updated;
};
