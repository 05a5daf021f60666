import { type IndexDefinition, TABLE_DEFINITION } from '../../lib/db/table-definition.js';

/**
 * The indexes a deployed table has, one rollout step at a time. CloudFormation, like
 * DynamoDB's UpdateTable, creates or deletes at most one GSI per update, so a deployed stack
 * reaches TABLE_DEFINITION's indexes through these steps, one deploy each (CDK context
 * `storefleet:indexRolloutStep`, docs/runbooks/index-migration.md). Without the context the
 * table has the definition's indexes: a new stage, the local runtime and the tests.
 */
export const INDEX_ROLLOUT_CONTEXT = 'storefleet:indexRolloutStep';

/** An index of the release before the narrow order indexes, kept until its step deletes it. */
export interface LegacyIndex {
  indexName: string;
  partitionKey: string;
  sortKey: string;
  sortKeyType: 'S';
  projection: { type: 'ALL' };
}

export type RolloutIndex = IndexDefinition | LegacyIndex;

const legacy = (name: string): LegacyIndex => ({
  indexName: name,
  partitionKey: `${name}pk`,
  sortKey: `${name}sk`,
  sortKeyType: 'S',
  projection: { type: 'ALL' },
});

const defined = (name: string): IndexDefinition => {
  const index = TABLE_DEFINITION.globalSecondaryIndexes.find((gsi) => gsi.indexName === name);
  if (!index) throw new Error(`${name} is not in TABLE_DEFINITION`);
  return index;
};

/** What the deployed table had before the rollout: gsi1–gsi6, every one projecting ALL. */
const BEFORE: readonly RolloutIndex[] = [
  defined('gsi1'),
  defined('gsi2'),
  legacy('gsi3'),
  defined('gsi4'),
  legacy('gsi5'),
  defined('gsi6'),
];

/**
 * Steps 1–4 add the narrow indexes while the old code still serves (deploy the data stack
 * alone); then the new code and the backfill; steps 5–6 delete the retired whole-order indexes.
 */
export const INDEX_ROLLOUT_STEPS: readonly ({ add: string } | { remove: string })[] = [
  { add: 'gsi7' },
  { add: 'gsi8' },
  { add: 'gsi9' },
  { add: 'gsi10' },
  { remove: 'gsi3' },
  { remove: 'gsi5' },
];

/** The indexes the table has after `step` steps (0 = as before; undefined = the definition's). */
export const indexesAtStep = (step: number | undefined): readonly RolloutIndex[] => {
  if (step === undefined) return TABLE_DEFINITION.globalSecondaryIndexes;
  if (!Number.isInteger(step) || step < 0 || step > INDEX_ROLLOUT_STEPS.length)
    throw new Error(`${INDEX_ROLLOUT_CONTEXT} must be 0–${INDEX_ROLLOUT_STEPS.length}, not ${step}`);
  let indexes = [...BEFORE];
  for (const change of INDEX_ROLLOUT_STEPS.slice(0, step)) {
    if ('add' in change) indexes.push(defined(change.add));
    else indexes = indexes.filter((index) => index.indexName !== change.remove);
  }
  return indexes;
};

/** The context value as a step: absent → undefined; `"3"` or `3` → 3. */
export const rolloutStepOf = (value: unknown): number | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  const step = Number(value);
  if (!Number.isInteger(step))
    throw new Error(`${INDEX_ROLLOUT_CONTEXT} must be a whole number, not ${value}`);
  return step;
};
