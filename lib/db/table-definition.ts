/**
 * The single table's physical shape, declared once. The CDK stateful stack and the local
 * runtime's table setup both build the table from this; the keys module builds values for it.
 */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    /** Listings of one kind: all stores by code, all products by status and name. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Second listing dimension: products by category. */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type IndexName = (typeof TABLE_DEFINITION.globalSecondaryIndexes)[number]['indexName'];

/** Attribute names of an index's keys (the table's own keys for `undefined`). */
export const indexKeyNames = (indexName?: IndexName): { partitionKey: string; sortKey: string } => {
  if (!indexName) return { partitionKey: TABLE_DEFINITION.partitionKey, sortKey: TABLE_DEFINITION.sortKey };
  const index = TABLE_DEFINITION.globalSecondaryIndexes.find((gsi) => gsi.indexName === indexName);
  if (!index) throw new Error(`Unknown index ${indexName}`);
  return index;
};
