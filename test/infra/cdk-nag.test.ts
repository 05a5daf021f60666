import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../infra/stacks/stage-config.js';
import { createStacks } from '../../infra/stacks/storefleet-app.js';
import { cdkJsonContext, synthStage } from './synth.js';

/** Unfixed, unacknowledged findings, readable in a failure message. */
const findings = (app: App): string[] =>
  new AwsSolutionsChecks(app)
    .validateScope(app)
    .violations.flatMap((violation) =>
      violation.violatingResources.map(
        (resource) => `${violation.severity} ${violation.ruleName} at ${resource.constructPath}`,
      ),
    );

describe.each(STAGES)('cdk-nag AwsSolutions (%s)', (stage) => {
  it('has no finding that is neither fixed nor acknowledged, errors or warnings', () => {
    const { app } = synthStage(stage);
    expect(findings(app)).toEqual([]);
  });

  it('lets the synth pass with the pack registered the way infra/app.ts does', () => {
    const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
    createStacks(app, stage);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    // In-memory synth throws with the validation report when a plugin reports a violation.
    expect(() => app.synth()).not.toThrow();
  });
});

describe('cdk-nag acknowledgements', () => {
  it('are only the reviewed ones', () => {
    const { app } = synthStage('prod');
    const acknowledged = new Set<string>();
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const id of Object.keys(entry.data as Record<string, string>)) {
          acknowledged.add(
            id
              .replace(/^[^:]*::/, '')
              .replace(/\[Resource::.*\/index\/\*\]$/, '[Resource::<table>/index/*]')
              .replace(/\[Resource::[^\]/]*Bucket[^\]/]*\/(.*)\]$/, '[Resource::<bucket>/$1]'),
          );
        }
      }
    }
    expect([...acknowledged].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-COG2',
      'AwsSolutions-COG8',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::<bucket>/changes/*]',
      'AwsSolutions-IAM5[Resource::<table>/index/*]',
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ]);
  });
});
