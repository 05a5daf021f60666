import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { appDefinition, functionsWithTrigger } from '../../infra/app-definition.js';
import { REPO_ROOT } from '../../infra/bundling.js';
import {
  apiResourcesOfType,
  type CfnJson,
  functionSite,
  logicalId,
  parentValueOfParameter,
  type SynthesizedStage,
  synthStage,
  withNightlyJob,
} from './synth.js';

describe('alarms', () => {
  let synth: SynthesizedStage;
  let topicId: string;

  beforeAll(() => {
    synth = synthStage('prod', { definition: withNightlyJob, alarmEmail: 'ops@example.com' });
    topicId = logicalId(synth.api, synth.api.alarms.topic);
  });

  it('go to one TLS-only topic encrypted with a rotated key that CloudWatch may use', () => {
    const topic = synth.apiTemplate.toJSON().Resources[topicId];
    const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0] as string;
    const key = synth.apiTemplate.toJSON().Resources[keyId];
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.Properties.KeyPolicy.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
        }),
      ]),
    );
    synth.apiTemplate.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    synth.apiTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: { Ref: topicId },
    });
    synth.apiTemplate.hasOutput('AlarmTopicArn', { Value: { Ref: topicId } });
  });

  it('subscribe nobody unless an alarm email is given', () => {
    expect(apiResourcesOfType(synthStage('dev'), 'AWS::SNS::Subscription')).toEqual([]);
  });

  it('page on 5xx answers of the HTTP API, and again when it recovers', () => {
    const alarm = synth.apiTemplate.toJSON().Resources[logicalId(synth.api, synth.api.serverErrorAlarm)];
    expect(alarm.Properties).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
      Dimensions: [{ Name: 'ApiId', Value: { Ref: logicalId(synth.api, synth.api.api) } }],
      Statistic: 'Sum',
      Period: 300,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topicId }],
      OKActions: [{ Ref: topicId }],
    });
  });

  it.each([...functionsWithTrigger('schedule').map(({ functionName }) => functionName), 'nightlyJob'])(
    'page when %s leaves a message in its dead-letter queue',
    (name) => {
      const site = functionSite(synth, name);
      const { deadLetterQueue, deadLetterAlarm } = site.appFunction;
      if (!deadLetterQueue || !deadLetterAlarm) throw new Error(`${name} has no dead-letter alarm`);
      const alarm = site.resources[logicalId(site.stack, deadLetterAlarm)];
      expect(alarm.Properties).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          {
            Name: 'QueueName',
            Value: { 'Fn::GetAtt': [logicalId(site.stack, deadLetterQueue), 'QueueName'] },
          },
        ],
        Statistic: 'Maximum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
      for (const actions of [alarm.Properties.AlarmActions, alarm.Properties.OKActions] as CfnJson[][]) {
        expect(actions).toHaveLength(1);
        expect(parentValueOfParameter(synth, site.domain, actions[0].Ref)).toEqual({ Ref: topicId });
      }
    },
  );
});

describe('scheduled job summary alarms', () => {
  const watched = functionsWithTrigger('schedule').flatMap(({ functionName, trigger }) =>
    (trigger.alarmWhenNonZero ?? []).map((field) => [functionName, field] as const),
  );

  it('exist for the expiry job’s failures', () => {
    expect(watched).toContainEqual(['expireUnpaidOrders', 'failed']);
  });

  it.each(watched)('page when %s reports %s > 0, on the metric its handler publishes', (name, field) => {
    const synth = synthStage('prod');
    const site = functionSite(synth, name);
    const alarm = site.appFunction.summaryAlarms[field];
    if (!alarm) throw new Error(`${name} has no ${field} alarm`);
    const { Properties: props } = site.resources[logicalId(site.stack, alarm)];
    expect(props).toMatchObject({
      Namespace: appDefinition.service,
      MetricName: field,
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(props.Dimensions).toEqual(
      expect.arrayContaining([
        { Name: 'service', Value: appDefinition.service },
        { Name: 'job', Value: name },
      ]),
    );
    expect(props.AlarmActions).toHaveLength(1);
    expect(parentValueOfParameter(synth, site.domain, props.AlarmActions[0].Ref)).toEqual({
      Ref: logicalId(synth.api, synth.api.alarms.topic),
    });
    // The handler must publish under the same job name, or the alarm would watch nothing.
    const entry = appDefinition.functions[name as keyof typeof appDefinition.functions].entry;
    const source = readFileSync(join(REPO_ROOT, entry), 'utf8');
    expect(source).toContain(`scheduledHandler('${name}'`);
  });
});
