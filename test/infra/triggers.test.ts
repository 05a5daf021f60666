import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { appDefinition } from '../../infra/app-definition.js';
import { defineApp } from '../../infra/define-app.js';
import { EVENT_ARCHIVE_PATTERN } from '../../lib/events/event-archive.js';
import {
  actionsOf,
  type CfnJson,
  functionSite,
  logicalId,
  type SynthesizedStage,
  statementsOfRole,
  synthStage,
} from './synth.js';

const lowStock = { source: ['storefleet.inventory'], 'detail-type': ['Inventory.LowStock'] };
const notBookkeeping = { dynamodb: { NewImage: { entityType: { S: [{ 'anything-but': ['GUARD'] }] } } } };

// The stream has two readers already (the most a shard serves well): the test consumer takes the exporter's place.
const { lake: _exporter, ...otherDomains } = appDefinition.domains;

/** The real definition with a stream consumer of its own and one more event consumer. */
const withConsumers = defineApp({
  ...appDefinition,
  domains: {
    ...otherDomains,
    consumers: {
      streamConsumer: {
        entry: 'functions/platform/health.ts',
        description: 'A stream consumer',
        triggers: [
          {
            kind: 'stream',
            batchSize: 100,
            maximumBatchingWindowSeconds: 2,
            localBatchingWindowSeconds: 1,
            bisectBatchOnError: true,
            retryAttempts: 5,
            maxRecordAgeSeconds: 3600,
            filterPatterns: [notBookkeeping],
          },
        ],
        bindings: [{ eventBus: 'put' }, { deadLetterQueue: 'send' }],
      },
      eventConsumer: {
        entry: 'functions/platform/health.ts',
        description: 'An event consumer',
        triggers: [
          {
            kind: 'event',
            description: 'Low stock',
            eventPattern: lowStock,
            retryAttempts: 4,
            maxEventAgeSeconds: 7200,
          },
        ],
        bindings: [{ table: 'read' }, { topic: 'stockAlerts', access: 'publish' }],
      },
    },
  },
});

describe('stream and event triggers', () => {
  let synth: SynthesizedStage;
  let stream: ReturnType<typeof functionSite>;
  let event: ReturnType<typeof functionSite>;

  beforeAll(() => {
    synth = synthStage('prod', {
      definition: withConsumers,
      topicEmails: { stockAlerts: 'stock@example.com' },
    });
    stream = functionSite(synth, 'streamConsumer');
    event = functionSite(synth, 'eventConsumer');
  });

  it('maps the table stream to the consumer with partial batch responses, bounded retries and filters', () => {
    const [trigger] = stream.appFunction.streamTriggers;
    if (!trigger) throw new Error('no stream trigger');
    stream.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: stream.functionId },
      EventSourceArn: Match.anyValue(),
      StartingPosition: 'LATEST',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 2,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 3600,
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [logicalId(stream.stack, trigger.onFailureQueue), 'Arn'] },
        },
      },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(notBookkeeping) }] },
    });
  });

  it('pages on the on-failure queue and on the iterator age', () => {
    const [trigger] = stream.appFunction.streamTriggers;
    if (!trigger) throw new Error('no stream trigger');
    const alarms = stream.resources;
    const onFailure = alarms[logicalId(stream.stack, trigger.onFailureAlarm)].Properties;
    expect(onFailure).toMatchObject({ MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
    const age = alarms[logicalId(stream.stack, trigger.iteratorAgeAlarm)].Properties;
    expect(age).toMatchObject({
      Namespace: 'AWS/Lambda',
      MetricName: 'IteratorAge',
      Statistic: 'Maximum',
      Threshold: 60_000,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: stream.functionId } }],
    });
    expect(age.AlarmActions).toHaveLength(1);
    expect(age.OKActions).toHaveLength(1);
    const queue = alarms[logicalId(stream.stack, trigger.onFailureQueue)].Properties;
    expect(queue).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
  });

  it('grants the stream consumer PutEvents on the bus only, and its own dead-letter queue', () => {
    const statements = statementsOfRole(stream.template, stream.roleId);
    const put = statements.filter((statement) => actionsOf(statement).includes('events:PutEvents'));
    expect(put).toHaveLength(1);
    expect(JSON.stringify(put[0]?.Resource)).toContain('EventBus');
    expect(statements.flatMap(actionsOf)).toContain('sqs:SendMessage');
    expect(statements.flatMap(actionsOf).some((action) => action.startsWith('sns:'))).toBe(false);
    expect(statements.flatMap(actionsOf)).not.toContain('dynamodb:PutItem');
    const variables = stream.resources[stream.functionId].Properties.Environment.Variables;
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining(['EVENT_BUS_NAME', 'DEAD_LETTER_QUEUE_URL']),
    );
    expect(variables).not.toHaveProperty('TABLE_NAME');
    expect(variables).not.toHaveProperty('STOCK_ALERT_TOPIC_ARN');
  });

  it('puts a rule on the bus with the pattern, a retry policy and a dead-letter queue', () => {
    const queue = event.appFunction.deadLetterQueue;
    if (!queue) throw new Error('no dead-letter queue');
    const queueId = logicalId(event.stack, queue);
    event.template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: Match.anyValue(),
      EventPattern: lowStock,
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [event.functionId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 7200 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        }),
      ],
    });
    // Lambda's own retries of the asynchronous invocation, within its caps (2, 6 h).
    event.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 7200,
    });
    expect(event.appFunction.deadLetterAlarm).toBeDefined();
  });

  it('grants the event consumer table reads and Publish on the stock-alert topic only', () => {
    const actions = statementsOfRole(event.template, event.roleId).flatMap(actionsOf);
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('events:PutEvents');
    const publish = statementsOfRole(event.template, event.roleId).filter((statement) =>
      actionsOf(statement).includes('sns:Publish'),
    );
    expect(publish).toHaveLength(1);
    const variables = event.resources[event.functionId].Properties.Environment.Variables;
    expect(variables).toHaveProperty('STOCK_ALERT_TOPIC_ARN');
    expect(variables).toHaveProperty('TABLE_NAME');
  });

  it('declares one bus with a 30-day archive of storefleet events', () => {
    synth.dataTemplate.resourceCountIs('AWS::Events::EventBus', 1);
    synth.dataTemplate.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [logicalId(synth.data, synth.data.eventBus), 'Arn'] },
      RetentionDays: 30,
      EventPattern: EVENT_ARCHIVE_PATTERN,
    });
  });

  it('notifies the encrypted stock-alert topic of the planner’s answer to each crossing, readably', () => {
    const stockAlerts = synth.api.topics.stockAlerts;
    if (!stockAlerts) throw new Error('no stock-alert topic');
    const topicId = logicalId(synth.api, stockAlerts.topic);
    const resources = synth.apiTemplate.toJSON().Resources as Record<string, CfnJson>;
    expect(resources[topicId].Properties.KmsMasterKeyId).toHaveProperty('Fn::GetAtt');
    synth.apiTemplate.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'stock@example.com',
      TopicArn: { Ref: topicId },
    });
    const [queue] = stockAlerts.deadLetterQueues;
    if (!queue) throw new Error('no dead-letter queue');
    synth.apiTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['storefleet.replenishment'],
        'detail-type': ['Inventory.StockAlert'],
      },
      Targets: [
        Match.objectLike({
          Arn: { Ref: topicId },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(synth.api, queue), 'Arn'] } },
          InputTransformer: {
            InputPathsMap: Match.objectLike({
              'detail-storeId': '$.detail.storeId',
              'detail-sku': '$.detail.sku',
              'detail-plan': '$.detail.plan',
            }),
            InputTemplate: Match.stringLikeRegexp(
              'at store <detail-storeId>: SKU <detail-sku>.*Replenishment: <detail-plan>',
            ),
          },
        }),
      ],
    });
    expect(stockAlerts.deadLetterAlarms).toHaveLength(1);
  });
});
