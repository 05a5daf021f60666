import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { type Alarm, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StreamTrigger as StreamTriggerDefinition } from '../app-definition-types.js';
import { ALARM_PERIOD, type AlarmTopic } from './alarm-topic.js';
import { failureQueue } from './encrypted-queue.js';

/** The oldest record waiting this long means consumers lag (alerts, replenishment arrive late). */
export const ITERATOR_AGE_ALARM = Duration.minutes(1);

export interface StreamTriggerProps {
  trigger: StreamTriggerDefinition;
  table: ITable;
  function: IFunction;
  alarms: AlarmTopic;
  removalPolicy: RemovalPolicy;
  /** Names the function in alarm descriptions. */
  functionName: string;
}

/**
 * A `stream` trigger: the event source mapping on the table's stream, with partial batch
 * responses, bisection, bounded retries and record age, an on-failure queue (which receives
 * where the failed batch lies in the stream, not the records), the trigger's filter criteria,
 * and alarms on that queue and on the consumer's iterator age.
 */
export class StreamTrigger extends Construct {
  readonly onFailureQueue: Queue;
  readonly onFailureAlarm: Alarm;
  readonly iteratorAgeAlarm: Alarm;

  constructor(scope: Construct, id: string, props: StreamTriggerProps) {
    super(scope, id);
    const { trigger, functionName } = props;
    this.onFailureQueue = failureQueue(
      this,
      'OnFailureQueue',
      props.removalPolicy,
      `${functionName}'s stream event source mapping`,
    );
    props.function.addEventSource(
      new DynamoEventSource(props.table, {
        // New changes only: from the start of the stream, a first deploy would replay up to a day.
        startingPosition: StartingPosition.LATEST,
        batchSize: trigger.batchSize,
        maxBatchingWindow: Duration.seconds(trigger.maximumBatchingWindowSeconds),
        bisectBatchOnError: trigger.bisectBatchOnError,
        retryAttempts: trigger.retryAttempts,
        maxRecordAge: Duration.seconds(trigger.maxRecordAgeSeconds),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.onFailureQueue),
        ...(trigger.parallelizationFactor ? { parallelizationFactor: trigger.parallelizationFactor } : {}),
        ...(trigger.filterPatterns?.length
          ? { filters: trigger.filterPatterns.map((pattern) => FilterCriteria.filter({ ...pattern })) }
          : {}),
      }),
    );
    this.onFailureAlarm = props.alarms.alarmWhen(this, 'OnFailureAlarm', {
      description: `${functionName}: a batch of stream records failed after its retries; the message in its on-failure queue names the shard and sequence numbers. The records are in the stream for 24 hours: fix the cause and reprocess them from there.`,
      metric: this.onFailureQueue.metricApproximateNumberOfMessagesVisible({
        period: ALARM_PERIOD,
        statistic: Stats.MAXIMUM,
      }),
      atLeast: 1,
    });
    this.iteratorAgeAlarm = props.alarms.alarmWhen(this, 'IteratorAgeAlarm', {
      description: `${functionName}: the oldest stream record waited more than ${ITERATOR_AGE_ALARM.toMinutes()} minute(s) to be processed. The consumer is failing, throttled or too slow; its logs and Errors metric say which.`,
      metric: props.function.metric('IteratorAge', { period: ALARM_PERIOD, statistic: Stats.MAXIMUM }),
      atLeast: ITERATOR_AGE_ALARM.toMilliseconds(),
    });
  }
}
