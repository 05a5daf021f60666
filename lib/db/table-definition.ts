/**
 * The single table's physical shape, declared once. The CDK data stack and the local
 * runtime's table setup both build the table from this; the keys module builds values for it.
 *
 * Projections decide what every write costs: an index entry is written whenever a projected
 * attribute (or a key) of the item changes, in units of the entry's size. Indexes shared by many
 * entities (gsi1, gsi2, gsi4, gsi6) project ALL; the hot entities (orders, levels) list from
 * narrow indexes, so a payment or a stock change leaves them untouched (docs/data-model.md,
 * docs/performance.md "Data-model changes for capacity").
 */

/**
 * What an order listing returns (the order summary) and all that gsi7 and gsi8 project. None of
 * these changes on a part payment or a refund, and status moves only on transitions, so those
 * writes cost the listings nothing. Never add `version`, `updatedAt` or money that moves
 * (`amountDue`, …): every change of the order would then rewrite both listings.
 */
export const ORDER_SUMMARY_ATTRIBUTES = [
  'orderId',
  'storeId',
  'channel',
  'customerId',
  'status',
  'currency',
  'total',
  'createdAt',
  'createdBy',
  'expiresAt',
  'paidAt',
  'receiptNumber',
  'fulfilledAt',
  'completedAt',
  'cancelledAt',
] as const;

export type IndexProjection =
  | { type: 'ALL' }
  | { type: 'KEYS_ONLY' }
  | { type: 'INCLUDE'; attributes: readonly string[] };

const ALL = { type: 'ALL' } as const satisfies IndexProjection;
const KEYS_ONLY = { type: 'KEYS_ONLY' } as const satisfies IndexProjection;
const ORDER_SUMMARY = {
  type: 'INCLUDE',
  attributes: ORDER_SUMMARY_ATTRIBUTES,
} as const satisfies IndexProjection;

export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    /** Listings of one kind: stores by code, products by status, transfers, POs, users, … */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', sortKeyType: 'S', projection: ALL },
    /** A second listing dimension: products by category, a store's transfers by status, … */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', sortKeyType: 'S', projection: ALL },
    /** Reorder watch: levels with a rule, by the number `reorderGap` (available − reorder point). */
    {
      indexName: 'gsi4',
      partitionKey: 'gsi4pk',
      sortKey: 'reorderGap',
      sortKeyType: 'N',
      projection: ALL,
    },
    /** Products by searchable name (lower-case, no accents), for the till's name-prefix search. */
    { indexName: 'gsi6', partitionKey: 'gsi6pk', sortKey: 'gsi6sk', sortKeyType: 'S', projection: ALL },
    /** A store's orders by status, as order summaries. */
    {
      indexName: 'gsi7',
      partitionKey: 'gsi7pk',
      sortKey: 'gsi7sk',
      sortKeyType: 'S',
      projection: ORDER_SUMMARY,
    },
    /** All of a store's orders, as order summaries. */
    {
      indexName: 'gsi8',
      partitionKey: 'gsi8pk',
      sortKey: 'gsi8sk',
      sortKeyType: 'S',
      projection: ORDER_SUMMARY,
    },
    /** Keys only: a customer's orders; a product's levels across stores (items by BatchGet). */
    { indexName: 'gsi9', partitionKey: 'gsi9pk', sortKey: 'gsi9sk', sortKeyType: 'S', projection: KEYS_ONLY },
    /** Keys only: a customer's orders at one store (store-scoped callers merge their stores). */
    {
      indexName: 'gsi10',
      partitionKey: 'gsi10pk',
      sortKey: 'gsi10sk',
      sortKeyType: 'S',
      projection: KEYS_ONLY,
    },
  ],
} as const;

export type IndexDefinition = (typeof TABLE_DEFINITION.globalSecondaryIndexes)[number];
export type IndexName = IndexDefinition['indexName'];

/**
 * Key attributes of indexes that were retired (gsi3, gsi5: a customer's orders, projecting ALL,
 * replaced by gsi9 and gsi10), and the listing keys orders and levels no longer carry on the
 * shared gsi1/gsi2. Items written before the change hold them until the backfill
 * (infra/local/backfill-index-keys.ts) removes them; until then they are still storage
 * attributes, never shown in a response or an audit diff.
 */
export const RETIRED_KEY_ATTRIBUTES = ['gsi3pk', 'gsi3sk', 'gsi5pk', 'gsi5sk'] as const;

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

/** Whether an index holds the attribute (keys and the table's keys are always projected). */
export const indexProjects = (index: IndexDefinition, attribute: string): boolean => {
  const projection: IndexProjection = index.projection;
  if (projection.type === 'ALL') return true;
  const keys: string[] = [
    TABLE_DEFINITION.partitionKey,
    TABLE_DEFINITION.sortKey,
    index.partitionKey,
    index.sortKey,
  ];
  if (keys.includes(attribute)) return true;
  return projection.type === 'INCLUDE' && projection.attributes.includes(attribute);
};
