import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { DataStack } from '../../infra/stacks/data-stack.js';
import { stageSettings } from '../../infra/stacks/stage-config.js';
import {
  INDEX_ROLLOUT_CONTEXT,
  INDEX_ROLLOUT_STEPS,
  indexesAtStep,
} from '../../infra/stacks/table-index-rollout.js';
import { TABLE_DEFINITION } from '../../lib/db/table-definition.js';
import { cdkJsonContext } from './synth.js';

const names = (step: number | undefined) => indexesAtStep(step).map((index) => index.indexName);

/** The table's indexes as CloudFormation would deploy them at a rollout step. */
const synthesizedIndexes = (step: number) => {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      'aws:cdk:bundling-stacks': [],
      [INDEX_ROLLOUT_CONTEXT]: String(step),
    },
  });
  const stack = new DataStack(app, 'rollout-data', { settings: stageSettings('prod') });
  const [table] = Object.values(Template.fromStack(stack).findResources('AWS::DynamoDB::Table'));
  return (table?.Properties.GlobalSecondaryIndexes ?? []) as {
    IndexName: string;
    Projection: { ProjectionType: string };
  }[];
};

describe('the staged index rollout', () => {
  it('starts from the release before (gsi1–gsi6, all ALL) and ends at the definition', () => {
    expect(names(0)).toEqual(['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6']);
    expect(new Set(names(INDEX_ROLLOUT_STEPS.length))).toEqual(
      new Set(TABLE_DEFINITION.globalSecondaryIndexes.map((index) => index.indexName)),
    );
    expect(names(undefined)).toEqual(TABLE_DEFINITION.globalSecondaryIndexes.map((index) => index.indexName));
  });

  it('changes exactly one index per step, as CloudFormation requires, adding before it removes', () => {
    for (let step = 1; step <= INDEX_ROLLOUT_STEPS.length; step++) {
      const before = new Set(names(step - 1));
      const after = new Set(names(step));
      const added = [...after].filter((name) => !before.has(name));
      const removed = [...before].filter((name) => !after.has(name));
      expect(added.length + removed.length, `step ${step}`).toBe(1);
    }
    // Every narrow index exists before a whole-order index is deleted (the new code needs them).
    expect(names(4)).toEqual(expect.arrayContaining(['gsi3', 'gsi5', 'gsi7', 'gsi8', 'gsi9', 'gsi10']));
  });

  it('refuses a step outside the rollout', () => {
    expect(() => indexesAtStep(7)).toThrow(/0–6/);
    expect(() => indexesAtStep(-1)).toThrow(/0–6/);
  });

  // Without the context the data stack has the definition's indexes: test/infra/data-stack.test.ts.
  it('synthesizes the table of the step the deploy names', () => {
    const atStep = synthesizedIndexes(4);
    expect(atStep.map((index) => index.IndexName)).toEqual(names(4));
    expect(atStep.find((index) => index.IndexName === 'gsi3')?.Projection).toEqual({ ProjectionType: 'ALL' });
  });
});
