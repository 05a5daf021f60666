import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { appDefinition, scheduledFunctions } from '../../infra/app-definition.js';
import type { AppDefinition } from '../../infra/app-definition-types.js';
import { type CfnJson, logicalId, type SynthesizedStage, statementsOfRole, synthStage } from './synth.js';

/** The real definition plus one scheduled job, so the wiring is covered before a domain adds one. */
const withJob: AppDefinition = {
  ...appDefinition,
  functions: {
    ...appDefinition.functions,
    nightlyJob: {
      entry: 'functions/platform/health.ts',
      description: 'A scheduled job',
      tableAccess: 'read-write',
      schedule: {
        expression: 'cron(0 3 * * ? *)',
        description: 'Every night at 03:00 UTC',
        localEveryMinutes: 60,
      },
    },
  },
};

describe('scheduled functions', () => {
  it('get one rule each in the real app definition', () => {
    const { apiTemplate } = synthStage('dev');
    apiTemplate.resourceCountIs('AWS::Events::Rule', scheduledFunctions().length);
    apiTemplate.resourceCountIs('AWS::SQS::Queue', scheduledFunctions().length);
  });

  describe('wiring', () => {
    let synth: SynthesizedStage;
    let resources: Record<string, CfnJson>;
    let functionId: string;
    let queueId: string;

    beforeAll(() => {
      synth = synthStage('prod', { definition: withJob });
      resources = synth.apiTemplate.toJSON().Resources;
      const job = synth.api.functions.nightlyJob;
      if (!job?.deadLetterQueue) throw new Error('nightlyJob has no dead-letter queue');
      functionId = logicalId(synth.api, job.function);
      queueId = logicalId(synth.api, job.deadLetterQueue);
    });

    it('triggers the function on its schedule, retrying and dead-lettering undeliverable events', () => {
      synth.apiTemplate.resourceCountIs('AWS::Events::Rule', scheduledFunctions().length + 1);
      synth.apiTemplate.hasResourceProperties('AWS::Events::Rule', {
        ScheduleExpression: 'cron(0 3 * * ? *)',
        State: 'ENABLED',
        Targets: [
          {
            Arn: { 'Fn::GetAtt': [functionId, 'Arn'] },
            Id: Match.anyValue(),
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
          },
        ],
      });
    });

    it('retries a failed job, then parks the event in the dead-letter queue', () => {
      expect(resources[functionId].Properties.DeadLetterConfig).toEqual({
        TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      });
      synth.apiTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionId },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
      });
      const job = synth.api.functions.nightlyJob;
      if (!job) throw new Error('nightlyJob missing');
      const role = logicalId(synth.api, job.role);
      expect(statementsOfRole(synth.apiTemplate, role).flatMap((statement) => statement.Action)).toContain(
        'sqs:SendMessage',
      );
    });

    it('has an encrypted, TLS-only dead-letter queue that EventBridge may write to', () => {
      expect(resources[queueId].Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600,
      });
      const policies = Object.values(synth.apiTemplate.findResources('AWS::SQS::QueuePolicy')) as CfnJson[];
      const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
      expect(statements).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          expect.objectContaining({
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
          }),
        ]),
      );
    });

    it('passes cdk-nag', () => {
      expect(new AwsSolutionsChecks(synth.app).validateScope(synth.app).violations).toEqual([]);
    });
  });
});
