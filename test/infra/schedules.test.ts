import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionEntries, functionsWithTrigger } from '../../infra/app-definition.js';
import {
  apiResourcesOfType,
  type CfnJson,
  functionSite,
  logicalId,
  type SynthesizedStage,
  statementsOfRole,
  synthStage,
  withNightlyJob,
} from './synth.js';

describe('scheduled functions', () => {
  it('get one rule each in the real app definition', () => {
    const synth = synthStage('dev');
    // One rule per schedule, event and object-created trigger, besides the stock-alert notification rule.
    const eventFunctions = [...functionsWithTrigger('event'), ...functionsWithTrigger('objectCreated')].map(
      ({ functionName }) => functionName,
    );
    expect(apiResourcesOfType(synth, 'AWS::Events::Rule')).toHaveLength(
      functionsWithTrigger('schedule').length + eventFunctions.length + 1,
    );
    // A dead-letter queue per asynchronous function (or one that parks records itself), an
    // on-failure queue per stream trigger, and the notification rule's.
    const withOwnQueue = new Set([
      ...functionsWithTrigger('schedule').map(({ functionName }) => functionName),
      ...eventFunctions,
      ...functionEntries()
        .filter(([, fn]) => fn.bindings.some((binding) => 'deadLetterQueue' in binding))
        .map(([name]) => name),
    ]);
    expect(apiResourcesOfType(synth, 'AWS::SQS::Queue')).toHaveLength(
      withOwnQueue.size + functionsWithTrigger('stream').length + 1,
    );
  });

  describe('wiring', () => {
    let synth: SynthesizedStage;
    let site: ReturnType<typeof functionSite>;
    let resources: Record<string, CfnJson>;
    let functionId: string;
    let queueId: string;

    beforeAll(() => {
      synth = synthStage('prod', { definition: withNightlyJob });
      site = functionSite(synth, 'nightlyJob');
      resources = site.resources;
      const job = site.appFunction;
      if (!job.deadLetterQueue) throw new Error('nightlyJob has no dead-letter queue');
      functionId = site.functionId;
      queueId = logicalId(site.stack, job.deadLetterQueue);
    });

    it('triggers the function on its schedule, retrying and dead-lettering undeliverable events', () => {
      // The real app's schedules, event and object-created rules, the stock-alert rule, and nightlyJob's.
      expect(apiResourcesOfType(synth, 'AWS::Events::Rule')).toHaveLength(
        functionsWithTrigger('schedule').length +
          functionsWithTrigger('event').length +
          functionsWithTrigger('objectCreated').length +
          2,
      );
      site.template.hasResourceProperties('AWS::Events::Rule', {
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
      site.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionId },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
      });
      expect(statementsOfRole(site.template, site.roleId).flatMap((statement) => statement.Action)).toContain(
        'sqs:SendMessage',
      );
    });

    it('has an encrypted, TLS-only dead-letter queue that EventBridge may write to', () => {
      expect(resources[queueId].Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1209600,
      });
      const policies = Object.values(site.template.findResources('AWS::SQS::QueuePolicy')) as CfnJson[];
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
