import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../infra/stacks/stage-config.js';
import { createStacks } from '../../infra/stacks/storefleet-app.js';
import { cdkJsonContext, DASHBOARD_FIXTURE, synthStage } from './synth.js';

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
    createStacks(app, stage, { dashboardAssetsPath: DASHBOARD_FIXTURE });
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
      // The dashboard's distribution (infra/constructs/dashboard-site.ts): no geo restriction, no WAF,
      // CloudFront's default certificate until a custom domain is configured.
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR2',
      'AwsSolutions-CFR4',
      'AwsSolutions-COG2',
      'AwsSolutions-COG8',
      // The table's AWS Backup selection role (infra/constructs/table-backup.ts).
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
      // CDK's BucketDeployment handler, which copies the dashboard into its bucket.
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::<DashboardAssets7B461ADD.Arn>/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/changes/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/curated/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/reports/*]',
      'AwsSolutions-IAM5[Resource::<bucket>/reports/stock/*]',
      // The import functions: uploads/ (sign and read uploads), reports/ is shared with the lake's.
      'AwsSolutions-IAM5[Resource::<bucket>/uploads/*]',
      'AwsSolutions-IAM5[Resource::<table>/index/*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      'AwsSolutions-L1',
      // The dashboard's access-log bucket.
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SQS3',
    ]);
  });
});
