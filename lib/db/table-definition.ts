/**
 * The single table's physical shape, declared once. The CDK data stack and the local
 * runtime's table setup both build the table from this; the keys module builds values for it.
 */
export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    /** Listings of one kind: stores by code, products by status, a store's orders by status, … */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', sortKeyType: 'S' },
    /** A second listing dimension: products by category, a store's orders, … */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', sortKeyType: 'S' },
    /** A third: a customer's orders. */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', sortKeyType: 'S' },
    /** Reorder watch: levels with a rule, by the number `reorderGap` (available − reorder point). */
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'reorderGap', sortKeyType: 'N' },
    /** A customer's orders at one store (store-scoped callers merge their stores' partitions). */
    { indexName: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk', sortKeyType: 'S' },
    /** Products by searchable name (lower-case, no accents), for the till's name-prefix search. */
    { indexName: 'gsi6', partitionKey: 'gsi6pk', sortKey: 'gsi6sk', sortKeyType: 'S' },
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

/** Every key attribute with its DynamoDB type ('S' or 'N'). */
export const keyAttributeTypes = (): Record<string, 'S' | 'N'> => ({
  [TABLE_DEFINITION.partitionKey]: 'S',
  [TABLE_DEFINITION.sortKey]: 'S',
  ...Object.fromEntries(
    TABLE_DEFINITION.globalSecondaryIndexes.flatMap((gsi) => [
      [gsi.partitionKey, 'S'],
      [gsi.sortKey, gsi.sortKeyType],
    ]),
  ),
});
